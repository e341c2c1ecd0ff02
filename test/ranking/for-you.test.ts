// "For you": the home page's order choice, personalised for signed-in readers only, with a press
// diversity cap, read articles left out, and every item's "why" built from its score's largest
// terms; the reader's controls (switch off, reset) and the history in export and deletion.
// Over HTTP on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addIssueMember, addIssueRow, addPress } from '../helpers/news.ts';
import {
  csrfOf,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
} from '../../src/readers/test-support.ts';
import { explainTerms } from '../../src/ranking/explain.ts';
import { forYou } from '../../src/ranking/for-you.ts';
import { FOR_YOU } from '../../src/ranking/parameters.ts';
import { rankingDataPart } from '../../src/ranking/reader-data.ts';
import { ViewCounter, viewCounterOf } from '../../src/ranking/view-counter.ts';
import { subscribe } from '../../src/subscriptions/store.ts';

const HOUR = 3_600_000;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** Per listed for-you item: its article id and the words of its "why". */
function forYouItems(html: string): Array<{ id: number; because: string }> {
  return [
    ...html.matchAll(
      /class="ranking-list__item for-you__item" data-article="(\d+)".*?class="for-you__because">([^<]*)</gs,
    ),
  ].map((m) => ({ id: Number(m[1]), because: m[2]!.replaceAll('&#39;', "'") }));
}

describe.each(await testDialects())('for you (%s)', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  let readerId: number;
  const now = Date.now();
  const a: Record<string, number> = {};
  const hanbitIds: number[] = [];

  async function addIssue(name: string, articles: Array<{ id: number; press: number; at: number }>): Promise<number> {
    const issueId = await addIssueRow(
      t.deps.db,
      { name, leadArticleId: articles[0]!.id, members: articles.length, firstAt: now - 10 * HOUR },
      now,
    );
    for (const x of articles) {
      await addIssueMember(t.deps.db, { issueId, articleId: x.id, pressId: x.press, publishedAt: x.at }, now);
    }
    return issueId;
  }

  beforeAll(async () => {
    t = await readersTestApp(dialect, { viewFlushSeconds: 600, forYouPressSharePercent: 30 });
    const hanbit = await addPress(t.deps, 'hanbit', '한빛일보');
    const saebyeok = await addPress(t.deps, 'saebyeok', '새벽신문');
    const gaon = await addPress(t.deps, 'gaon', '가온뉴스');
    // Ten articles of the subscribed press: the cap (30 % of 20) lets six through.
    for (let i = 0; i < 10; i++)
      hanbitIds.push(await addArticle(t.deps, hanbit, { headline: `한빛 소식 ${i}` }, now - (i + 1) * HOUR));
    a.popularEconomy = await addArticle(
      t.deps,
      saebyeok,
      { headline: '새벽 경제 분석', subjects: [{ code: 'economy' }] },
      now - 6 * HOUR,
    );
    a.quietEconomy = await addArticle(
      t.deps,
      gaon,
      { headline: '가온 경제 단신', subjects: [{ code: 'economy' }] },
      now - 6 * HOUR,
    );
    a.issueRead = await addArticle(t.deps, gaon, { headline: '수문 개방 첫날' }, now - 9 * HOUR);
    a.issueNew = await addArticle(t.deps, saebyeok, { headline: '수문 개방 이틀째' }, now - 7 * HOUR);
    await addIssue('가람시 수문 개방', [
      { id: a.issueRead, press: gaon, at: now - 9 * HOUR },
      { id: a.issueNew, press: saebyeok, at: now - 7 * HOUR },
    ]);
    // Today's views: the economy article most read in its section. Counted now, not an hour ago: in
    // the first hour after midnight in Seoul an hour ago is yesterday.
    const c = new ViewCounter(t.deps);
    for (let i = 0; i < 30; i++) c.add(a.popularEconomy, { ip: `10.8.0.${i}`, userAgent: UA }, now);
    for (let i = 0; i < 3; i++) c.add(a.quietEconomy, { ip: `10.8.1.${i}`, userAgent: UA }, now);
    await c.flush();

    expect(
      (await signUpVia(new TestBrowser(t.app, '10.70.0.1'), { email: 'sora@example.kr', nickname: '소라소라' }))
        .statusCode,
    ).toBe(303);
    browser = new TestBrowser(t.app, '10.70.0.1');
    expect((await signInVia(browser, 'sora@example.kr')).statusCode).toBe(303);
    readerId = (await readerByEmail(t, 'sora@example.kr'))!.id;
    await subscribe(t.deps.db, readerId, { kind: 'press', targetId: hanbit, query: null, targetKey: String(hanbit) });
    // The reader reads the issue's first article (through the beacon, as a browser would).
    viewCounterOf(t.deps).add(a.issueRead, { readerId }, now - 8 * HOUR);
    await viewCounterOf(t.deps).flush();
  });
  afterAll(() => t.close());

  it('anonymous readers get the order choice with the non-personalised default, and "for you" only asks them to sign in', async () => {
    const home = (await t.app.inject('/')).body;
    expect(home).toContain('data-order="for-you"');
    expect(home).toMatch(/data-order="main" aria-current="true"/);
    expect(home).toContain(`href="/login?next=${encodeURIComponent('/?order=for-you')}"`);
    const asked = (await t.app.inject('/?order=for-you')).body;
    expect(asked).not.toContain('for-you__item');
    expect(asked).toContain('로그인한 독자만');
    const latest = (await t.app.inject('/?order=latest')).body;
    expect(latest).toMatch(/data-order="latest" aria-current="true"/);
  });

  it('orders by subscriptions, issues read and popularity, caps a press at its share, and leaves out what was read', async () => {
    const res = await browser.get('/?order=for-you');
    expect(res.statusCode).toBe(200);
    const items = forYouItems(res.body);
    const ids = items.map((i) => i.id);
    expect(ids).not.toContain(a.issueRead); // read already
    expect(ids.filter((id) => hanbitIds.includes(id))).toHaveLength(6); // 30 % of 20
    const why = new Map(items.map((i) => [i.id, i.because]));
    expect(why.get(hanbitIds[0]!)).toContain('구독한 한빛일보의 기사');
    expect(why.get(a.popularEconomy)).toContain('오늘 경제 분야에서 많이 본 기사');
    expect(why.get(a.issueNew)).toContain("읽은 이슈 '가람시 수문 개방'의 새 기사");
    // The subscribed press's newest (3 + freshness) outranks the popular one (2 + freshness).
    expect(ids.indexOf(hanbitIds[0]!)).toBeLessThan(ids.indexOf(a.popularEconomy));
  });

  it('every explanation names the largest terms of the score that placed the item', async () => {
    const items = await forYou(t.deps, readerId);
    const page = new Map(forYouItems((await browser.get('/?order=for-you')).body).map((i) => [i.id, i.because]));
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      const sum = item.terms.reduce((s, x) => s + x.contribution, 0);
      expect(item.score).toBeCloseTo(sum, 9);
      const largest = Math.max(...item.terms.map((x) => x.contribution));
      expect(item.terms[0]!.contribution).toBe(largest);
      for (let i = 1; i < item.terms.length; i++) {
        expect(item.terms[i]!.contribution).toBeLessThanOrEqual(item.terms[i - 1]!.contribution);
      }
      // Each contribution is a real weight times a value in [0, 1].
      for (const x of item.terms) expect(x.contribution).toBeLessThanOrEqual(FOR_YOU.weights[x.term]);
      expect(page.get(item.card.id)).toBe(explainTerms('ko', item.terms).join(' · '));
    }
    // The quiet economy article: popularity 3/30 × 2 = 0.2 is below its freshness (~0.7), so it says "new".
    const quiet = items.find((i) => i.card.id === a.quietEconomy)!;
    expect(quiet.terms.map((x) => x.term)).toEqual(['freshness', 'popularInCategory']);
    expect(page.get(a.quietEconomy)).toMatch(/^6시간 전에 나온 새 기사 · 오늘 경제 분야에서 많이 본 기사$/);
  });

  it('switched off, the home is not personalised and no history is recorded; reset deletes the history', async () => {
    let page = await browser.get('/account/ranking');
    expect(page.body).toContain('data-personalised="on"');
    expect(page.body).toContain(`data-read="${a.issueRead}"`);
    const off = await browser.post('/account/ranking/personalisation', {
      _csrf: csrfOf(page.body),
      personalised: 'off',
    });
    expect(off.statusCode).toBe(303);
    const home = (await browser.get('/?order=for-you')).body;
    expect(home).not.toContain('for-you__item');
    expect(home).toContain('맞춤 정렬을 꺼 두셨습니다');
    viewCounterOf(t.deps).add(hanbitIds[1]!, { readerId });
    await viewCounterOf(t.deps).flush();
    page = await browser.get('/account/ranking');
    expect(page.body).toContain('data-personalised="off"');
    expect(page.body).not.toContain(`data-read="${hanbitIds[1]}"`);
    // Without a CSRF token nothing changes.
    expect((await browser.post('/account/ranking/history/reset', {})).statusCode).toBe(403);
    expect((await rankingDataPart.export(t.deps, readerId)) as { readingHistory: unknown[] }).toMatchObject({
      personalised: false,
      readingHistory: [{ articleId: a.issueRead }],
    });
    expect((await browser.post('/account/ranking/history/reset', { _csrf: csrfOf(page.body) })).statusCode).toBe(303);
    expect(((await rankingDataPart.export(t.deps, readerId)) as { readingHistory: unknown[] }).readingHistory).toEqual(
      [],
    );
    const on = await browser.post('/account/ranking/personalisation', { _csrf: csrfOf(page.body), personalised: 'on' });
    expect(on.statusCode).toBe(303);
    expect(forYouItems((await browser.get('/?order=for-you')).body).length).toBeGreaterThan(0);
  });

  it('the reading history is in the account export and goes with the account', async () => {
    viewCounterOf(t.deps).add(hanbitIds[2]!, { readerId });
    await viewCounterOf(t.deps).flush();
    const exported = await browser.get('/account/export');
    expect(exported.statusCode).toBe(200);
    expect(JSON.parse(exported.body).ranking.readingHistory).toEqual([
      expect.objectContaining({ articleId: hanbitIds[2] }),
    ]);
    await t.deps.db.transaction().execute((trx) => rankingDataPart.delete(t.deps, readerId, trx));
    expect(await t.deps.db.selectFrom('ranking_reads').selectAll().where('reader_id', '=', readerId).execute()).toEqual(
      [],
    );
  });
});
