import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticle } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { startTestServer, type TestServer } from './fetch/test-server.ts';
import { pollDueFeeds, pollFeed, startFeedPolling, type PollOptions } from './poll.ts';
import { addFeed, getFeed } from './store.ts';
import { addTestPress, feedTestDeps } from './test-deps.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const LOCAL: PollOptions = { fetch: { allowAddresses: ['127.0.0.1'] } };

// What the server answers is switchable per test.
let rssBody = fixture('rss2.xml').toString();
let rssEtag = '"a"';
let inFlight = 0;
let maxInFlight = 0;
let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({
    '/rss': (req, res) => {
      if (req.headers['if-none-match'] === rssEtag) {
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader('etag', rssEtag);
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.end(rssBody);
    },
    '/euckr': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=euc-kr');
      res.end(fixture('rss2-cp949.xml'));
    },
    '/bomb': (_req, res) => res.end(fixture('billion-laughs.xml')),
    '/odd': (_req, res) => res.end(fixture('odd-items.xml')),
    '/html': (_req, res) => res.end(fixture('html-page.html')),
    '/broken': (_req, res) => {
      res.statusCode = 500;
      res.end();
    },
    '/busy': (_req, res) => {
      res.statusCode = 429;
      res.setHeader('retry-after', '7200');
      res.end();
    },
    '/slow': (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end(`<rss version="2.0"><channel><title>${req.headers.host}</title></channel></rss>`);
      }, 150);
    },
  });
});
afterAll(() => srv.close());

describe.each(await testDialects())('feed polling on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let pressId: number;
  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = feedTestDeps(t, { feedsIntervalSeconds: 600 });
    pressId = await addTestPress(t);
    rssBody = fixture('rss2.xml').toString();
    rssEtag = '"a"';
  });
  afterEach(() => t.dispose());

  async function feedFor(pathname: string, interval = 600) {
    return (await addFeed(t.db, { pressId, url: srv.base + pathname, intervalSeconds: interval })).feed;
  }

  it('turns items into articles through the shared ingest, then answers 304 without work', async () => {
    const feed = await feedFor('/rss');
    const first = await pollFeed(deps, feed, LOCAL);
    expect(first).toMatchObject({ status: 'ok', seen: 2, taken: 2 });

    const articles = await t.db
      .selectFrom('articles')
      .selectAll()
      .where('press_id', '=', pressId)
      .orderBy('id')
      .execute();
    expect(articles.map((a) => a.uri)).toEqual(['hanbit-1001', 'https://hanbit-daily.example/news/1002']);
    const bus = articles[0]!;
    expect(bus.source).toBe('feed');
    expect(bus.body_html).toContain('노선 42개');
    expect(bus.body_html).not.toContain('<script');
    expect(JSON.parse(bus.bylines)).toEqual([{ name: '김하늘 기자' }]);
    expect(bus.link).toBe('https://hanbit-daily.example/news/1001');
    expect(bus.first_created_at).toBe(Date.parse('2024-10-01T00:30:00Z'));
    const cats = await t.db
      .selectFrom('article_categories')
      .innerJoin('categories', 'categories.id', 'article_categories.category_id')
      .select(['categories.slug', 'article_categories.article_id'])
      .execute();
    expect(cats.filter((c) => c.article_id === bus.id).map((c) => c.slug)).toEqual(['society']);
    expect(cats.filter((c) => c.article_id === articles[1]!.id).map((c) => c.slug)).toEqual(['economy']);
    const photos = await t.db.selectFrom('article_photos').selectAll().where('article_id', '=', bus.id).execute();
    expect(photos).toMatchObject([
      {
        url: 'https://img.hanbit-daily.example/1001.jpg',
        caption: '푸른시 시내버스 차고지 모습',
        credit: '한빛일보 사진부',
      },
    ]);

    let row = (await getFeed(t.db, feed.id))!;
    expect(row).toMatchObject({
      etag: '"a"',
      items_taken: 2,
      items_seen_last: 2,
      error_count: 0,
      title: '한빛일보 - 전체기사',
    });
    expect(row.last_success_at).not.toBeNull();

    const again = await pollFeed(deps, row, LOCAL);
    expect(again.status).toBe('not-modified');
    row = (await getFeed(t.db, feed.id))!;
    expect(row.items_taken).toBe(2);
  });

  it('makes an edited item a new revision, not a duplicate; an unchanged re-poll changes nothing', async () => {
    const feed = await feedFor('/rss');
    await pollFeed(deps, feed, LOCAL);
    rssEtag = '"b"';
    await pollFeed(deps, (await getFeed(t.db, feed.id))!, LOCAL);
    expect((await getFeed(t.db, feed.id))!.items_taken).toBe(2); // new etag, same content: nothing taken

    rssEtag = '"c"';
    rssBody = rssBody.replace('노선 42개를', '노선 45개를');
    const out = await pollFeed(deps, (await getFeed(t.db, feed.id))!, LOCAL);
    expect(out).toMatchObject({ status: 'ok', taken: 1 });
    const rows = await t.db.selectFrom('articles').select(['uri', 'revision', 'body_html']).orderBy('id').execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.revision).toBe(2);
    expect(rows[0]!.body_html).toContain('노선 45개');
    const revisions = await t.db.selectFrom('article_revisions').select(['revision', 'source']).orderBy('id').execute();
    expect(revisions).toHaveLength(3);
  });

  it('merges the same story arriving by API and by feed into one article', async () => {
    const api = await ingestArticle(deps, {
      pressId,
      source: 'api',
      original: { uri: 'hanbit-1001' },
      input: {
        uri: 'hanbit-1001',
        headline: 'API로 먼저 온 버스 기사',
        bodyHtml: '<p>API 본문</p>',
        lang: 'ko',
        bylines: [],
        subjects: [],
        keywords: [],
        photos: [],
        pubstatus: 'usable',
        versionCreated: Date.parse('2024-10-01T00:00:00Z'),
      },
    });
    // The other story came by API with only its link in common.
    await ingestArticle(deps, {
      pressId,
      source: 'api',
      original: {},
      input: {
        uri: 'urn:hanbit:1002',
        link: 'https://hanbit-daily.example/news/1002',
        headline: '실적',
        bodyHtml: '<p>x</p>',
        lang: 'ko',
        bylines: [],
        subjects: [],
        keywords: [],
        photos: [],
        pubstatus: 'usable',
        versionCreated: Date.parse('2024-09-30T00:00:00Z'),
      },
    });
    await pollFeed(deps, await feedFor('/rss'), LOCAL);
    const rows = await t.db
      .selectFrom('articles')
      .select(['id', 'uri', 'headline', 'revision'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.id).toBe(api.id);
    expect(rows[0]!.revision).toBe(2);
    expect(rows[0]!.headline).toBe('푸른시 시내버스 노선 전면 개편…내달 1일부터 시행');
    expect(rows[1]!.uri).toBe('urn:hanbit:1002');
  });

  it('re-polls a feed without dates, with future dates and without titles without making revisions', async () => {
    const feed = await feedFor('/odd');
    expect(await pollFeed(deps, feed, LOCAL)).toMatchObject({ status: 'ok', seen: 4, taken: 4 });
    expect(await pollFeed(deps, (await getFeed(t.db, feed.id))!, LOCAL)).toMatchObject({
      status: 'ok',
      seen: 4,
      taken: 0,
    });
    const revisions = await t.db.selectFrom('article_revisions').select('id').execute();
    expect(revisions).toHaveLength(4);
    const untitled = await t.db
      .selectFrom('articles')
      .select(['headline'])
      .where('uri', '=', 'https://odd.example/no-title')
      .executeTakeFirstOrThrow();
    expect(untitled.headline).toBe('제목이 없는 기사입니다.');
  });

  it('decodes an EUC-KR feed end to end', async () => {
    await pollFeed(deps, await feedFor('/euckr'), LOCAL);
    const a = await t.db.selectFrom('articles').select(['headline', 'body_text']).executeTakeFirstOrThrow();
    expect(a.headline).toBe('똠방각하 갂돌이 마을 축제 개막');
    expect(a.body_text).toContain('햏햏 뷁!');
  });

  it('backs off exponentially on errors and honours Retry-After', async () => {
    const now = Date.parse('2024-10-10T00:00:00Z');
    const opts = { ...LOCAL, now: () => now, random: () => 0.5 };
    const broken = await feedFor('/broken', 60);
    const first = await pollFeed(deps, broken, opts);
    expect(first).toMatchObject({ status: 'error', code: 'FEED_HTTP_STATUS', nextPollAt: now + 60_000 });
    const second = await pollFeed(deps, (await getFeed(t.db, broken.id))!, opts);
    expect(second).toMatchObject({ nextPollAt: now + 120_000 });
    const third = await pollFeed(deps, (await getFeed(t.db, broken.id))!, opts);
    expect(third).toMatchObject({ nextPollAt: now + 240_000 });
    const row = (await getFeed(t.db, broken.id))!;
    expect(row).toMatchObject({ error_count: 3, last_error_code: 'FEED_HTTP_STATUS', next_poll_at: now + 240_000 });
    expect(row.last_error).toContain('500');

    const busy = await pollFeed(deps, await feedFor('/busy', 60), opts);
    expect(busy).toMatchObject({ status: 'error', code: 'FEED_RATE_LIMITED', nextPollAt: now + 7_200_000 });

    // Success clears the error state.
    const recovering = (await getFeed(t.db, broken.id))!;
    await t.db
      .updateTable('feeds')
      .set({ url: srv.base + '/rss' })
      .where('id', '=', broken.id)
      .execute();
    await pollFeed(deps, { ...recovering, url: srv.base + '/rss' }, opts);
    expect((await getFeed(t.db, broken.id))!).toMatchObject({ error_count: 0, last_error_code: null });
  });

  it('isolates hostile feeds: each gets its own error, the good feed is taken', async () => {
    const good = await feedFor('/rss');
    const bomb = await feedFor('/bomb');
    const html = await feedFor('/html');
    const outcomes = await pollDueFeeds(deps, LOCAL);
    expect(outcomes).toHaveLength(3);
    expect((await getFeed(t.db, good.id))!.items_taken).toBe(2);
    expect((await getFeed(t.db, bomb.id))!.last_error_code).toBe('FEED_ENTITIES_REFUSED');
    expect((await getFeed(t.db, html.id))!.last_error_code).toBe('FEED_NOT_A_FEED');
    // Nothing is due any more: a second run polls nothing.
    expect(await pollDueFeeds(deps, LOCAL)).toEqual([]);
  });

  it('refuses a private address unless allowed, and records why', async () => {
    const feed = await feedFor('/rss');
    const out = await pollFeed(deps, feed, { fetch: { allowAddresses: [] } });
    expect(out).toMatchObject({ status: 'error', code: 'FEED_PRIVATE_ADDRESS' });
    const allowed = await pollFeed(feedTestDeps(t, { feedsAllowPrivate: true }), feed);
    expect(allowed.status).toBe('ok');
  });

  it('polls in the background until stopped (the server loop)', async () => {
    const feed = await feedFor('/rss');
    const stop = startFeedPolling(feedTestDeps(t, { feedsAllowPrivate: true }), 50);
    const deadline = Date.now() + 10_000;
    const settled = async () => {
      const row = (await getFeed(t.db, feed.id))!;
      return row.last_success_at !== null || row.last_error_code !== null;
    };
    while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(await getFeed(t.db, feed.id)).toMatchObject({ items_taken: 2, last_error_code: null, error_count: 0 });
  });

  it('limits fetches per host', async () => {
    maxInFlight = 0;
    const hostDeps = feedTestDeps(t, { feedsHostConcurrency: 2, feedsConcurrency: 8 });
    for (let i = 0; i < 6; i++) await feedFor(`/slow?i=${i}`);
    const out = await pollDueFeeds(hostDeps, LOCAL);
    expect(out.filter((o) => o.status === 'ok')).toHaveLength(6);
    expect(maxInFlight).toBe(2);

    // Two hosts (invented names resolved to the test server) get two slots each.
    maxInFlight = 0;
    const other = await addTestPress(t, 'other', '다른신문');
    for (let i = 0; i < 4; i++) {
      for (const host of ['a.feeds.test', 'b.feeds.test']) {
        await addFeed(t.db, { pressId: other, url: `http://${host}:${srv.port}/slow?i=${i}`, intervalSeconds: 600 });
      }
    }
    const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
    await pollDueFeeds(hostDeps, { fetch: { allowAddresses: ['127.0.0.1'], resolve } });
    expect(maxInFlight).toBe(4);
  });
});
