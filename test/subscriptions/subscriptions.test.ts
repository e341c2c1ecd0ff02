// Readers follow presses, reporters, issues, categories and keywords from the pages where they
// appear (plain forms with CSRF), manage them in one place, read them on /my, hide a press; the
// press sees its subscriber count. Over HTTP on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { addStaff, signIn } from '../helpers/staff.ts';
import {
  csrfOf,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
} from '../../src/readers/test-support.ts';
import { mergeReporters, reportersOfArticle } from '../../src/reporters/store.ts';
import { subscriptionsDataPart } from '../../src/subscriptions/reader-data.ts';
import { subscribe } from '../../src/subscriptions/store.ts';

const HOUR = 3_600_000;

describe.each(await testDialects())('subscriptions (%s)', (dialect) => {
  let t: TestApp;
  let hanbit: number;
  let saebyeok: number;
  const now = Date.now();

  beforeAll(async () => {
    t = await readersTestApp(dialect);
    hanbit = await addPress(t.deps, 'hanbit', '한빛일보');
    saebyeok = await addPress(t.deps, 'saebyeok', '새벽신문');
  });
  afterAll(() => t.close());

  async function newReader(email: string, nickname: string, ip: string): Promise<{ id: number; browser: TestBrowser }> {
    expect((await signUpVia(new TestBrowser(t.app, ip), { email, nickname })).statusCode).toBe(303);
    const browser = new TestBrowser(t.app, ip);
    expect((await signInVia(browser, email)).statusCode).toBe(303);
    return { id: (await readerByEmail(t, email))!.id, browser };
  }

  /** Submits the follow form found on `page` (the one whose action is `action`). */
  async function follow(browser: TestBrowser, page: string, kind: string) {
    const html = (await browser.get(page)).body;
    const m = new RegExp(
      `<form class="subscribe" method="post" action="/subscriptions" data-follow="${kind}">.*?name="target" value="(\\d+)"`,
      's',
    ).exec(html);
    expect(m, `follow form for ${kind} on ${page}`).not.toBeNull();
    return browser.post('/subscriptions', { _csrf: csrfOf(html), kind, target: m![1]!, next: page });
  }

  it('signed out, the control leads to sign-in and back; signed in, it subscribes from the article page', async () => {
    const a = await addArticle(
      t.deps,
      hanbit,
      { headline: '한빛 첫 기사', bylines: [{ name: '김민수' }] },
      now - 3 * HOUR,
    );
    const anonymous = await t.app.inject({ url: `/articles/${a}` });
    expect(anonymous.body).toContain(`href="/login?next=${encodeURIComponent(`/articles/${a}`)}"`);
    expect(anonymous.body).not.toContain('data-subscribe-press=');

    const { browser } = await newReader('mina@example.kr', '미나미나', '10.60.0.1');
    const res = await follow(browser, `/articles/${a}`, 'press');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/articles/${a}`);
    const after = (await browser.get(`/articles/${a}`)).body;
    expect(after).toContain('구독 중');
    // Again (a second tab): still one subscription.
    const html = (await browser.get('/press/hanbit')).body;
    expect(html).toContain('구독 중');
    const page = await browser.get('/account/subscriptions');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/data-subscription="/g)?.length).toBe(1);
    expect(page.body).toContain('한빛일보');
  });

  it('My news merges every subscription, newest first, names why, hides hidden presses, and counts what is new', async () => {
    const { id, browser } = await newReader('jun@example.kr', '준호준호', '10.60.0.2');
    const r1 = await addArticle(
      t.deps,
      saebyeok,
      { headline: '새벽 기자 기사', bylines: [{ name: '이서연', email: 'sy@saebyeok.example' }] },
      now - 2 * HOUR,
    );
    const p1 = await addArticle(t.deps, hanbit, { headline: '한빛 둘째 기사' }, now - HOUR);
    await addArticle(t.deps, saebyeok, { headline: '구독 안 한 새벽 기사' }, now - HOUR);
    const c1 = await addArticle(
      t.deps,
      saebyeok,
      { headline: '경제 분야 기사', subjects: [{ code: 'economy' }] },
      now - 30 * 60_000,
    );
    await t.runJobs();

    // Empty first: the empty state suggests presses.
    const empty = (await browser.get('/my')).body;
    expect(empty).toContain('아직 구독한 것이 없습니다');
    expect(empty).toContain('href="/press/hanbit"');

    expect((await follow(browser, '/press/hanbit', 'press')).statusCode).toBe(303);
    const reporterUrl = (await t.app.inject({ url: `/reporters/byline/${r1}/0` })).headers.location as string;
    expect((await follow(browser, reporterUrl, 'reporter')).statusCode).toBe(303);
    expect((await follow(browser, '/categories/economy', 'category')).statusCode).toBe(303);

    const my = (await browser.get('/my')).body;
    const order = ['경제 분야 기사', '한빛 둘째 기사', '새벽 기자 기사'].map((h) => my.indexOf(h));
    expect(order.every((i) => i > -1)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(my).not.toContain('구독 안 한 새벽 기사');
    expect(my).toContain(`href="${reporterUrl}">이서연</a>`);
    expect(c1 + p1).toBeGreaterThan(0);

    // Something new since that visit: the badge says how many.
    await addArticle(t.deps, hanbit, { headline: '방금 들어온 기사' }, Date.now() + 1000);
    const again = (await browser.get('/my')).body;
    expect(again).toContain('새 기사 1건');
    expect((await browser.get('/my')).body).not.toContain('새 기사 1건');

    // Hide 새벽신문: its articles leave My news, whichever subscription brought them.
    const manage = (await browser.get('/account/subscriptions')).body;
    const hide = await browser.post('/subscriptions/hidden-presses', {
      _csrf: csrfOf(manage),
      press: String(saebyeok),
      next: '/my',
    });
    expect(hide.statusCode).toBe(303);
    const hidden = (await browser.get('/my')).body;
    expect(hidden).not.toContain('새벽 기자 기사');
    expect(hidden).not.toContain('경제 분야 기사');
    expect(hidden).toContain('한빛 둘째 기사');

    const exported = (await subscriptionsDataPart.export(t.deps, id)) as {
      subscriptions: unknown[];
      hiddenPresses: number[];
    };
    expect(exported.subscriptions).toHaveLength(3);
    expect(exported.hiddenPresses).toEqual([saebyeok]);
  });

  it('keyword alerts and removal; bad forms are refused with nothing written', async () => {
    const { id, browser } = await newReader('hana@example.kr', '하나하나', '10.60.0.3');
    const manage = (await browser.get('/account/subscriptions')).body;
    const csrf = csrfOf(manage);
    expect((await browser.post('/subscriptions/keyword', { _csrf: csrf, query: '  반도체   수출 ' })).statusCode).toBe(
      303,
    );
    expect((await browser.post('/subscriptions/keyword', { _csrf: csrf, query: '반도체 수출' })).statusCode).toBe(303);
    const rows = await t.deps.db.selectFrom('subscriptions').selectAll().where('reader_id', '=', id).execute();
    expect(rows.map((r) => [r.kind, r.target_key, r.delivery])).toEqual([['keyword', '반도체 수출', 'immediate']]);

    const bad = await browser.post('/subscriptions', { _csrf: csrf, kind: 'planet', target: '1' });
    expect(bad.statusCode).toBe(422);
    expect((await browser.post('/subscriptions', { _csrf: csrf, kind: 'press', target: '999999' })).statusCode).toBe(
      404,
    );
    expect((await browser.post('/subscriptions', { kind: 'press', target: String(hanbit) })).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/subscriptions',
          payload: { kind: 'press', target: String(hanbit) },
        })
      ).statusCode,
    ).toBe(401);
    expect((await browser.post('/subscriptions/keyword', { _csrf: csrf, query: 'x'.repeat(101) })).statusCode).toBe(
      422,
    );
    expect(await t.deps.db.selectFrom('subscriptions').select('id').where('reader_id', '=', id).execute()).toHaveLength(
      1,
    );

    // Someone else's subscription cannot be removed; one's own can.
    const other = await newReader('eun@example.kr', '은서은서', '10.60.0.4');
    const otherCsrf = csrfOf((await other.browser.get('/account/subscriptions')).body);
    expect((await other.browser.post(`/subscriptions/${rows[0]!.id}/delete`, { _csrf: otherCsrf })).statusCode).toBe(
      404,
    );
    expect(
      (await browser.post(`/subscriptions/${rows[0]!.id}/delivery`, { _csrf: csrf, delivery: 'digest' })).statusCode,
    ).toBe(303);
    expect((await browser.post(`/subscriptions/${rows[0]!.id}/delete`, { _csrf: csrf })).statusCode).toBe(303);
    expect(await t.deps.db.selectFrom('subscriptions').select('id').where('reader_id', '=', id).execute()).toHaveLength(
      0,
    );
  });

  it('a private feed (RSS, Atom, JSON Feed) behind a token stored hashed, replaced and revoked', async () => {
    const { id, browser } = await newReader('feed@example.kr', '피드독자', '10.60.0.5');
    await addArticle(t.deps, hanbit, { headline: '피드로 받는 기사' }, now - 10 * 60_000);
    expect((await follow(browser, '/press/hanbit', 'press')).statusCode).toBe(303);
    const manage = (await browser.get('/account/subscriptions')).body;
    const made = await browser.post('/subscriptions/feed-token', { _csrf: csrfOf(manage) });
    expect(made.statusCode).toBe(200);
    const rss = /data-feed="rss">http:\/\/sosik\.test([^<]+)</.exec(made.body)![1]!;
    const token = /\/my\/feed\/([^/]+)\//.exec(rss)![1]!;
    const stored = await t.deps.db.selectFrom('reader_feed_tokens').selectAll().where('reader_id', '=', id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.digest).not.toContain(token);

    const feed = await t.app.inject({ url: rss });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('피드로 받는 기사');
    const atom = await t.app.inject({ url: rss.replace('feed.xml', 'atom.xml') });
    expect(atom.body).toContain('피드로 받는 기사');
    const json = JSON.parse((await t.app.inject({ url: rss.replace('feed.xml', 'feed.json') })).body) as {
      items: Array<{ title: string }>;
    };
    expect(json.items.map((i) => i.title)).toContain('피드로 받는 기사');

    // A new address retires the old; revoking ends every one.
    const again = await browser.post('/subscriptions/feed-token', { _csrf: csrfOf(manage) });
    const rss2 = /data-feed="rss">http:\/\/sosik\.test([^<]+)</.exec(again.body)![1]!;
    expect((await t.app.inject({ url: rss })).statusCode).toBe(404);
    expect((await t.app.inject({ url: rss2 })).statusCode).toBe(200);
    expect((await browser.post('/subscriptions/feed-token/revoke', { _csrf: csrfOf(manage) })).statusCode).toBe(303);
    expect((await t.app.inject({ url: rss2 })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/my/feed/not-a-token/feed.xml' })).statusCode).toBe(404);
  });

  it('a press sees its subscriber count in the studio', async () => {
    await addStaff(t.deps, 'desk@hanbit.example', 'press', 'hanbit');
    const cookie = await signIn(t.app, 'desk@hanbit.example');
    const res = await t.app.inject({ url: '/studio/subscribers', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const subscribers = await t.deps.db
      .selectFrom('subscriptions')
      .select('id')
      .where('kind', '=', 'press')
      .where('target_id', '=', hanbit)
      .execute();
    expect(subscribers.length).toBeGreaterThan(0);
    expect(res.body).toContain(`data-press-subscribers="${subscribers.length}"`);
    expect(res.body).not.toContain('새벽신문');
  });

  it('a followed reporter merged into another is followed through the survivor', async () => {
    const { id, browser } = await newReader('merge@example.kr', '병합독자', '10.60.0.9');
    const old = await addArticle(
      t.deps,
      hanbit,
      { headline: '옛 이름 기자의 기사', bylines: [{ name: '박지훈' }] },
      now - 5 * HOUR,
    );
    const later = await addArticle(
      t.deps,
      hanbit,
      { headline: '합쳐진 기자의 새 기사', bylines: [{ name: '박지훈', email: 'jh@hanbit.example' }] },
      now - 4 * HOUR,
    );
    await t.runJobs();
    const [from] = await reportersOfArticle(t.deps.db, old);
    const [into] = await reportersOfArticle(t.deps.db, later);
    expect(from).not.toBe(into);
    await subscribe(t.deps.db, id, { kind: 'reporter', targetId: from!, query: null, targetKey: String(from) });
    await mergeReporters(t.deps.db, from!, into!);
    const my = (await browser.get('/my')).body;
    expect(my).toContain('옛 이름 기자의 기사');
    expect(my).toContain('합쳐진 기자의 새 기사');
  });
});
