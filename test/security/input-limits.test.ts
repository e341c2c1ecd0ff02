// One set of article limits for API and feed items (security probe findings 11 and 13): a feed
// item may not store what the API refuses, and NUL characters get the same answer on both
// databases. The feed items come from a real local server through the real poller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../src/feeds/fetch/test-server.ts';
import { pollFeed } from '../../src/feeds/poll.ts';
import { addFeed } from '../../src/feeds/store.ts';
import { createPress } from '../../src/press/keys.ts';
import { ARTICLE_LIMITS } from '../../src/articles/input-limits.ts';

const HUGE_TITLE = '제목'.repeat(1_500_000);
const HUGE_GUID = 'g'.repeat(1_000_000);

function rss(items: Array<{ guid: string; title: string; body?: string }>): string {
  const xml = items
    .map(
      (i) =>
        `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><description><![CDATA[${i.body ?? '<p>본문입니다.</p>'}]]></description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>한계일보</title><link>https://press.example/</link>${xml}</channel></rss>`;
}

let srv: TestServer;
let feedBody = '';
beforeAll(async () => {
  srv = await startTestServer({
    '/feed': (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.end(feedBody);
    },
  });
});
afterAll(() => srv.close());

describe.each(await testDialects())('article limits on every path (%s)', (dialect) => {
  let t: TestApp;
  let key: string;
  let pressId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { feedsMaxBytes: 20 * 1024 * 1024 });
    const press = await createPress(t.deps, { slug: 'limits', name: '한계일보' });
    key = press.apiKey;
    pressId = press.press.id;
  });
  afterAll(() => t.close());

  const stored = (uri: string) =>
    t.deps.db.selectFrom('articles').select(['id', 'headline']).where('uri', '=', uri).executeTakeFirst();
  const postNinjs = (item: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      payload: JSON.stringify({ type: 'text', body_html: '<p>본문</p>', ...item }),
    });

  it('a feed item with a 3,000,000-character title or a 1,000,000-character guid is not stored; its neighbour is', async () => {
    feedBody = rss([
      { guid: 'urn:limits:title', title: HUGE_TITLE },
      { guid: HUGE_GUID, title: '긴 식별자' },
      { guid: 'urn:limits:fine', title: '정상 기사' },
    ]);
    const { feed } = await addFeed(t.deps.db, { pressId, url: `${srv.base}/feed`, intervalSeconds: 600 });
    const outcome = await pollFeed(t.deps, feed, { fetch: { allowAddresses: ['127.0.0.1'] } });
    expect(outcome).toMatchObject({ status: 'ok', seen: 3, taken: 1, failedItems: 2 });
    expect(await stored('urn:limits:title')).toBeUndefined();
    expect(await stored('urn:limits:fine')).toMatchObject({ headline: '정상 기사' });
    const longest = await t.deps.db
      .selectFrom('articles')
      .select((eb) => eb.fn.max(eb.fn('length', ['uri'])).as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(longest.n)).toBeLessThanOrEqual(ARTICLE_LIMITS.uriChars);
  });

  it('the API refuses the same over-long headline with 422 and a field path', async () => {
    const res = await postNinjs({ uri: 'urn:limits:api', headline: 'x'.repeat(ARTICLE_LIMITS.headlineChars + 1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('headline');
  });

  it('a NUL in the uri is refused with 422 and in the headline removed, on both databases', async () => {
    const badUri = await postNinjs({ uri: 'urn:limits:\u0000nul', headline: '널 문자' });
    expect(badUri.statusCode).toBe(422);
    expect(badUri.json().error.details.map((d: { path: string }) => d.path)).toContain('uri');
    const nulHeadline = await postNinjs({ uri: 'urn:limits:nul-headline', headline: '널\u0000 문자' });
    expect(nulHeadline.statusCode).toBe(201);
    expect(await stored('urn:limits:nul-headline')).toMatchObject({ headline: '널 문자' });
  });

  it('an article whose body is one 190,000-character word is indexed and found', async () => {
    const word = 'a'.repeat(190_000);
    const res = await postNinjs({
      uri: 'urn:limits:word',
      headline: '긴 단어',
      body_html: undefined,
      body_text: `${word} 조력발전소`,
    });
    expect(res.statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('articles')
      .select('body_text')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.body_text).toContain(word);
    await t.runJobs();
    const failed = await t.deps.db
      .selectFrom('jobs')
      .select(['kind', 'last_error'])
      .where('status', '!=', 'done')
      .execute();
    expect(failed).toEqual([]);
    const found = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('조력발전소')}`);
    expect(found.json().results.map((h: { id: number }) => h.id)).toContain(res.json().id);
  });
});
