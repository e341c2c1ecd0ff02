// Views count once per visitor per article per Seoul day, under concurrent beacons and across
// counters sharing one database (as processes do), bots and prefetches excluded; on SQLite and
// PostgreSQL. The only identity stored is a hash under the day's salt, and old salts are deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { ViewCounter, viewCounterOf } from '../../src/ranking/view-counter.ts';
import { daySalt, seoulDay } from '../../src/ranking/visitor.ts';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe.each(await testDialects())('view counting (%s)', (dialect) => {
  let t: TestApp;
  let press: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { viewFlushSeconds: 600 });
    press = await addPress(t.deps, 'hanbit', '한빛일보');
  });
  afterAll(() => t.close());

  function beacon(article: number, ip: string, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: 'POST',
      url: '/ranking/views',
      payload: `article=${article}`,
      remoteAddress: ip,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': BROWSER,
        cookie: 'sosik_vc=1',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
    });
  }

  async function views(article: number): Promise<number> {
    const row = await t.deps.db
      .selectFrom('ranking_view_hours')
      .select((eb) => eb.fn.sum<number>('views').as('n'))
      .where('article_id', '=', article)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  it('counts each of 40 visitors once although each sends three beacons at the same time', async () => {
    const a = await addArticle(t.deps, press);
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) => [
        beacon(a, `10.1.0.${i}`),
        beacon(a, `10.1.0.${i}`),
        beacon(a, `10.1.0.${i}`),
      ]).flat(),
    );
    expect(sent.every((r) => r.statusCode === 204)).toBe(true);
    // Counting is buffered: nothing is written before the flush.
    expect(await views(a)).toBe(0);
    expect(await viewCounterOf(t.deps).flush()).toBe(40);
    expect(await views(a)).toBe(40);
    // The same visitors again later today: still 40.
    await Promise.all(Array.from({ length: 40 }, (_, i) => beacon(a, `10.1.0.${i}`)));
    expect(await viewCounterOf(t.deps).flush()).toBe(0);
    expect(await views(a)).toBe(40);
  });

  it('two counters on one database (two processes) racing over the same visitors count each once', async () => {
    const a = await addArticle(t.deps, press);
    const first = new ViewCounter(t.deps);
    const second = new ViewCounter(t.deps);
    for (let i = 0; i < 60; i++) first.add(a, { ip: `10.2.0.${i}`, userAgent: BROWSER });
    for (let i = 30; i < 90; i++) second.add(a, { ip: `10.2.0.${i}`, userAgent: BROWSER });
    for (let i = 0; i < 5; i++) second.add(a, { readerId: 1_000_000 + i });
    const [x, y] = await Promise.all([first.flush(), second.flush()]);
    // Readers whose account is gone still count as visitors (no history is kept for them): 90 + 5.
    expect(x + y).toBe(95);
    expect(await views(a)).toBe(95);
  });

  it('does not count bots, HEAD or GET, prefetches, cookie-less clients or other sites', async () => {
    const a = await addArticle(t.deps, press);
    const refused = await Promise.all([
      beacon(a, '10.3.0.1', {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      }),
      beacon(a, '10.3.0.2', { 'user-agent': 'curl/8.5.0' }),
      beacon(a, '10.3.0.3', { 'user-agent': '' }),
      beacon(a, '10.3.0.4', { 'sec-purpose': 'prefetch;prerender' }),
      beacon(a, '10.3.0.5', { purpose: 'prefetch' }),
      beacon(a, '10.3.0.6', { cookie: '' }),
      beacon(a, '10.3.0.7', { 'sec-fetch-site': 'cross-site' }),
      t.app.inject({ method: 'GET', url: `/ranking/views?article=${a}`, remoteAddress: '10.3.0.8' }),
      t.app.inject({ method: 'HEAD', url: `/articles/${a}`, remoteAddress: '10.3.0.9' }),
    ]);
    expect(refused.slice(0, 7).every((r) => r.statusCode === 204)).toBe(true);
    await beacon(a, '10.3.0.10');
    expect(await viewCounterOf(t.deps).flush()).toBe(1);
    expect(await views(a)).toBe(1);
  });

  it('refuses a beacon without an article number with the field named', async () => {
    const res = await beacon(0, '10.4.0.1').then(() =>
      t.app.inject({
        method: 'POST',
        url: '/ranking/views',
        payload: 'article=abc',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': BROWSER },
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('article');
  });

  it('keeps only a salted hash, one salt per day, and deletes the previous day’s salt', async () => {
    const a = await addArticle(t.deps, press);
    await beacon(a, '10.5.0.77');
    await viewCounterOf(t.deps).flush();
    const seen = await t.deps.db.selectFrom('ranking_view_seen').selectAll().where('article_id', '=', a).execute();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.visitor).not.toContain('10.5.0.77');
    expect(seen[0]!.visitor).toMatch(/^[A-Za-z0-9_-]{27}$/);
    const today = seoulDay(Date.now());
    const salt = await daySalt(t.deps.db, today);
    expect(await daySalt(t.deps.db, today)).toBe(salt);
    const tomorrow = await daySalt(t.deps.db, today + 1);
    expect(tomorrow).not.toBe(salt);
    const days = (await t.deps.db.selectFrom('ranking_salts').select('day').execute()).map((r) => Number(r.day));
    expect(days).toEqual([today + 1]);
  });

  it('does not count a withdrawn or unknown article', async () => {
    const counter = new ViewCounter(t.deps);
    counter.add(987_654, { ip: '10.6.0.1', userAgent: BROWSER });
    expect(await counter.flush()).toBe(0);
  });
});
