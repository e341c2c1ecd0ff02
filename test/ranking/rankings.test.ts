// /ranking: most viewed, most commented (last 3 hours) and fastest rising, overall, per press and
// per category, each item with the figures that placed it; withdrawn articles never shown; the
// article page lists the top of its press and carries the view beacon. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { ViewCounter } from '../../src/ranking/view-counter.ts';

const HOUR = 3_600_000;
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15';

/** Article ids in the order a ranking page lists them. */
function listed(html: string): number[] {
  return [...html.matchAll(/class="ranking-list__item" data-article="(\d+)"/g)].map((m) => Number(m[1]));
}

describe.each(await testDialects())('rankings (%s)', (dialect) => {
  let t: TestApp;
  let hanbit: number;
  let saebyeok: number;
  const now = Date.now();
  const ids: Record<string, number> = {};

  async function view(article: number, visitors: number, at: number, tag: string) {
    const c = new ViewCounter(t.deps);
    for (let i = 0; i < visitors; i++) c.add(article, { ip: `10.9.${tag}.${i}`, userAgent: UA }, at);
    await c.flush();
  }

  async function comment(article: number, at: number, status = 'published') {
    await t.deps.db
      .insertInto('comments')
      .values({
        article_id: article,
        parent_id: null,
        reader_id: null,
        body: '좋은 기사',
        original: '좋은 기사',
        body_key: `k${Math.random()}`,
        status: status as 'published',
        status_phase: null,
        status_reason: null,
        appealed_at: null,
        appeal_text: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { viewFlushSeconds: 600 });
    hanbit = await addPress(t.deps, 'hanbit', '한빛일보');
    saebyeok = await addPress(t.deps, 'saebyeok', '새벽신문');
    const eco = { subjects: [{ code: 'economy' }] };
    ids.steady = await addArticle(t.deps, hanbit, { headline: '꾸준히 읽히는 경제 기사', ...eco }, now - 20 * HOUR);
    ids.popular = await addArticle(t.deps, saebyeok, { headline: '새벽 사회 기사' }, now - 10 * HOUR);
    ids.rising = await addArticle(t.deps, hanbit, { headline: '갑자기 뜨는 한빛 기사' }, now - 5 * HOUR);
    ids.old = await addArticle(t.deps, hanbit, { headline: '열흘 전 기사' }, now - 240 * HOUR);
    ids.gone = await addArticle(t.deps, saebyeok, { uri: 'urn:gone', headline: '철회될 기사' }, now - 2 * HOUR);
    // steady: 12 views spread over 18 hours ago; popular: 20 views 8 hours ago; rising: 1 view
    // 15 hours ago, then 9 in the last hour; old: 50 views today (but too old to rank).
    await view(ids.steady, 12, now - 18 * HOUR, '1');
    await view(ids.popular, 20, now - 8 * HOUR, '2');
    await view(ids.rising, 1, now - 15 * HOUR, '3');
    await view(ids.rising, 9, now - 10 * 60_000, '4');
    await view(ids.old, 50, now - HOUR, '5');
    await view(ids.gone, 99, now - HOUR, '6');
    for (let i = 0; i < 4; i++) await comment(ids.steady, now - 30 * 60_000);
    for (let i = 0; i < 2; i++) await comment(ids.rising, now - 60 * 60_000);
    for (let i = 0; i < 9; i++) await comment(ids.popular, now - 4 * HOUR); // outside the 3 hours
    for (let i = 0; i < 5; i++) await comment(ids.rising, now - 10 * 60_000, 'held'); // not published
    await addArticle(
      t.deps,
      saebyeok,
      { uri: 'urn:gone', headline: '철회될 기사', pubstatus: 'canceled' },
      now - 2 * HOUR,
    );
  });
  afterAll(() => t.close());

  it('most viewed: the counted figures, newest week only, withdrawn never', async () => {
    const res = await t.app.inject('/ranking');
    expect(res.statusCode).toBe(200);
    expect(listed(res.body)).toEqual([ids.popular, ids.steady, ids.rising]);
    expect(res.body).toContain('최근 24시간 조회 20회');
    expect(res.body).toContain('최근 24시간 조회 12회');
    expect(res.body).not.toContain('철회될 기사');
  });

  it('per press and per category', async () => {
    expect(listed((await t.app.inject('/ranking?press=hanbit')).body)).toEqual([ids.steady, ids.rising]);
    expect(listed((await t.app.inject('/ranking?category=economy')).body)).toEqual([ids.steady]);
    const page = (await t.app.inject('/ranking?category=economy')).body;
    expect(page).toContain('경제 랭킹');
    expect((await t.app.inject('/ranking?press=nobody')).statusCode).toBe(404);
    expect((await t.app.inject('/ranking?by=loudest')).statusCode).toBe(422);
  });

  it('most commented counts published comments of the last 3 hours', async () => {
    const body = (await t.app.inject('/ranking?by=commented')).body;
    expect(listed(body)).toEqual([ids.steady, ids.rising]);
    expect(body).toContain('최근 3시간 댓글 4개');
    expect(body).toContain('최근 3시간 댓글 2개');
  });

  it('fastest rising: recent views against the usual rate', async () => {
    const body = (await t.app.inject('/ranking?by=rising')).body;
    expect(listed(body)).toEqual([ids.rising]);
    // 9 recent views, baseline 1 view over 22 hours → expected 1 × 2/22: (9+1)/(0.09+1) ≈ 9.2.
    expect(body).toContain('최근 2시간 조회 9회, 평소의 9.2배');
    expect((await t.app.inject('/ranking?by=rising&lang=en')).body).toContain(
      '9 views in the last 2 hours, 9.2× the usual rate',
    );
  });

  it('the article page lists the top of its press and carries the view beacon', async () => {
    const body = (await t.app.inject(`/articles/${ids.rising}`)).body;
    expect(body).toContain(`data-count-view="${ids.rising}"`);
    expect(body).toContain('/static/ranking/ranking-view.js?v=');
    const box = body.slice(body.indexOf('press-top-title'));
    expect(box).toContain('한빛일보 많이 본 뉴스');
    expect(listed(box)).toEqual([ids.steady]); // itself left out
  });
});
