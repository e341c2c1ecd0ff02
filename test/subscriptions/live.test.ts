// The live notice on My news over a real socket, in one process (the change bus delivers here at
// once; across processes: live-processes.test.ts): it counts only what the reader follows, says so
// in their language, keeps an idle stream alive, refuses streams past its caps, is not buffered by
// a proxy, and ends every stream when the server shuts down. On SQLite and PostgreSQL.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { openEventStream, type EventStreamClient } from '../helpers/event-stream-client.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import {
  CHROME_WINDOWS,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
} from '../../src/readers/test-support.ts';
import { subscribe } from '../../src/subscriptions/store.ts';

const news = (c: EventStreamClient) => c.events.filter((e) => e.event === 'news').map((e) => JSON.parse(e.data));

describe.each(await testDialects())('live notice on My news (%s)', (dialect) => {
  let t: TestApp;
  let base: string;
  let cookie: string;
  let followed: number;
  let other: number;
  const opened: EventStreamClient[] = [];

  beforeAll(async () => {
    t = await readersTestApp(dialect, {
      liveStreams: 3,
      liveStreamsPerAddress: 2,
      liveHeartbeatSeconds: 1,
      trustProxy: '127.0.0.1',
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    followed = await addPress(t.deps, 'hanbit', '한빛일보');
    other = await addPress(t.deps, 'saebyeok', '새벽신문');
    const email = 'live@example.kr';
    expect((await signUpVia(new TestBrowser(t.app, '10.90.0.1'), { email, nickname: '실시간' })).statusCode).toBe(303);
    const browser = new TestBrowser(t.app, '10.90.0.1');
    expect((await signInVia(browser, email)).statusCode).toBe(303);
    cookie = `sosik_session=${browser.session}`;
    const reader = (await readerByEmail(t, email))!.id;
    await subscribe(t.deps.db, reader, { kind: 'press', targetId: followed, query: null, targetKey: String(followed) });
  });
  afterAll(async () => {
    for (const c of opened) c.close();
    await t?.close();
  });

  async function stream(since: number, forwardedFor = '10.91.0.1'): Promise<EventStreamClient> {
    const c = await openEventStream(`${base}/my/live?since=${since}`, {
      cookie,
      'user-agent': CHROME_WINDOWS,
      'x-forwarded-for': forwardedFor,
    });
    opened.push(c);
    return c;
  }

  it('My news carries the notice; the stream counts what the reader follows, in their language', async () => {
    const page = await t.app.inject({ url: '/my', headers: { cookie, 'user-agent': CHROME_WINDOWS } });
    const since = Number(/data-live-url="\/my\/live\?since=(\d+)"/.exec(page.body)?.[1]);
    expect(since).toBeGreaterThan(0);
    expect(page.body).toContain('/static/subscriptions/my-live.js?v=');

    const c = await stream(since);
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(c.headers['x-accel-buffering']).toBe('no');
    expect(c.headers['cache-control']).toBe('no-store, no-transform');

    await addArticle(t.deps, followed, { headline: '구독한 언론사의 새 기사' }, since + 1000);
    await c.until((x) => news(x).length === 1);
    expect(news(c)[0]).toEqual({ count: 1, text: '새 기사 1건' });

    // Another press's article moves nothing: the next notice counts the second followed one only.
    await addArticle(t.deps, other, { headline: '구독하지 않은 언론사' }, since + 2000);
    await addArticle(t.deps, followed, { headline: '구독한 언론사의 두 번째' }, since + 3000);
    await c.until((x) => news(x).length === 2);
    expect(news(c)[1].count).toBe(2);

    // An idle stream still says something now and then, so nothing between gives up on it.
    await c.until((x) => x.comments.includes('ping'));
    c.close();
  });

  it('a stream opened after the article arrived counts it at once; a bad start is refused', async () => {
    const since = Date.now() - 60_000;
    await addArticle(t.deps, followed, { headline: '열기 전에 온 기사' }, since + 1000);
    const c = await stream(since);
    await c.until((x) => news(x).length === 1);
    expect(news(c)[0].count).toBeGreaterThanOrEqual(1);
    c.close();

    const bad = await stream(Number.NaN);
    expect(bad.status).toBe(422);
    const anonymous = await openEventStream(`${base}/my/live?since=1`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });

  it('caps streams per client address and per process, then ends them all on shutdown', async () => {
    await c0wait();
    const a1 = await stream(Date.now(), '10.92.0.1');
    const a2 = await stream(Date.now(), '10.92.0.1');
    const a3 = await stream(Date.now(), '10.92.0.1');
    expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 429]);
    expect(a3.headers['retry-after']).toBe('10');
    const b1 = await stream(Date.now(), '10.92.0.2');
    const b2 = await stream(Date.now(), '10.92.0.3');
    expect([b1.status, b2.status]).toEqual([200, 503]);
    expect(b2.headers['retry-after']).toBe('10');

    // A closed stream gives its place back.
    a1.close();
    await a1.ended;
    await expectEventually(async () => (await stream(Date.now(), '10.92.0.4')).status === 200);

    // Fastify's close waits for open connections: it returns only because the streams were ended.
    await t.app.close();
    await Promise.all([a2.ended, b1.ended]);
  });

  /** Earlier tests' streams are closed by the client; wait until the server saw them go. */
  async function c0wait(): Promise<void> {
    for (const c of opened) c.close();
    await Promise.all(opened.map((c) => c.ended));
    await expectEventually(async () => {
      const probe = await stream(Date.now(), '10.93.0.1');
      probe.close();
      await probe.ended;
      return probe.status === 200;
    });
  }
});

/** Polls `check` until it holds (each try is a real round trip, so it waits on the server). */
async function expectEventually(check: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never held');
}

describe.each(await testDialects())('live notice for many open pages (%s)', (dialect) => {
  it('every one of more pages than recount at once hears of the article', { timeout: 60_000 }, async () => {
    const t = await readersTestApp(dialect);
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const press = await addPress(t.deps, 'many', '여러창일보');
      const email = 'tabs@example.kr';
      expect((await signUpVia(new TestBrowser(t.app, '10.94.0.1'), { email, nickname: '여러창' })).statusCode).toBe(
        303,
      );
      const browser = new TestBrowser(t.app, '10.94.0.1');
      expect((await signInVia(browser, email)).statusCode).toBe(303);
      const reader = (await readerByEmail(t, email))!.id;
      await subscribe(t.deps.db, reader, { kind: 'press', targetId: press, query: null, targetKey: String(press) });
      const since = Date.now();
      const headers = { cookie: `sosik_session=${browser.session}`, 'user-agent': CHROME_WINDOWS };
      // Eight tabs (the per-address default), more than the four recounts a process runs at once.
      const tabs = await Promise.all(
        Array.from({ length: 8 }, () => openEventStream(`${base}/my/live?since=${since}`, headers)),
      );
      expect(tabs.map((c) => c.status)).toEqual(Array(8).fill(200));
      await addArticle(t.deps, press, { headline: '모든 창에 알릴 기사' }, since + 1000);
      await Promise.all(tabs.map((c) => c.until((x) => news(x).some((n) => n.count === 1))));
      for (const c of tabs) c.close();
    } finally {
      await t.close();
    }
  });
});
