import Fastify, { type FastifyInstance } from 'fastify';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../articles/index.ts';
import type { ArticleInput } from '../../articles/index.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { createTestDb, testDialects, type TestDb } from '../../../test/helpers/databases.ts';
import { parseFeedText } from '../parse/parse-feed.ts';
import { addTestPress, feedTestDeps } from '../test-deps.ts';
import { feedAlternates } from '../../web/feed-links.ts';
import { CAPABILITIES } from '../../app.ts';
import type { Capability } from '../../capability.ts';
import { assembleRegistry } from '../../registry.ts';
import { publishRoutes } from './routes.ts';

const BASE = 'https://news.example.org';
const NOW = Date.now();
const DAY = 24 * 3_600_000;

function article(uri: string, over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    uri,
    headline: `기사 ${uri}`,
    bodyHtml: `<p>본문 ${uri}</p>`,
    lang: 'ko',
    bylines: [{ name: '김하늘 기자' }],
    subjects: [],
    keywords: [],
    photos: [],
    pubstatus: 'usable',
    ...over,
  };
}

describe.each(await testDialects())('published feeds on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let app: FastifyInstance;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDb(dialect);
    // An issue-like feed source of the test's own, in place of the issues capability's.
    const busIssue: Capability = {
      name: 'test-issues',
      feedSources: [
        {
          prefix: 'issues',
          noun: 'issue',
          lookup: async (_deps, slug) =>
            slug === 'bus' ? { title: '버스 개편', articleIds: [ids.tricky!, ids.old!] } : undefined,
        },
      ],
    };
    const registry = assembleRegistry([...CAPABILITIES.filter((c) => c.name !== 'issues'), busIssue]);
    deps = { ...feedTestDeps(t, { publicUrl: BASE, siteName: '소식' }), registry };
    const hanbit = await addTestPress(t, 'hanbit', '한빛일보');
    const baram = await addTestPress(t, 'baram', '바람신문');
    const ingest = async (pressId: number, input: ArticleInput) =>
      (await ingestArticle(deps, { pressId, source: 'api', input, original: input, now: NOW })).id;
    ids.old = await ingest(hanbit, article('old', { firstCreated: NOW - 5 * DAY, subjects: [{ name: '경제' }] }));
    ids.tricky = await ingest(
      hanbit,
      article('tricky', {
        headline: '따옴표 "와" <꺾쇠> & 앰퍼샌드',
        bodyHtml: '<p>CDATA 끝 ]]> 이 들어 있다 &amp; 그래도 된다</p>',
        firstCreated: NOW - DAY,
        subjects: [{ name: 'economy' }, { name: '사회' }],
        photos: [{ url: 'https://img.example/1.jpg', caption: '사진 설명', credit: '한빛일보' }],
      }),
    );
    ids.baram = await ingest(
      baram,
      article('baram-1', { firstCreated: NOW - 3_600_000, subjects: [{ name: 'sports' }] }),
    );
    ids.gone = await ingest(baram, article('gone', { firstCreated: NOW - 1000, pubstatus: 'canceled' }));

    app = Fastify();
    app.setErrorHandler((err, _req, reply) => {
      reply.status(err instanceof AppError ? err.status : 500).send({ error: (err as Error).message });
    });
    await app.register(async (scope) => publishRoutes(scope, deps));
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('publishes RSS 2.0 that an independent parser reads back', async () => {
    const res = await app.inject('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = parseRssFeed(res.body);
    expect(feed.title).toBe('소식 전체 기사');
    expect(feed.items!.map((i) => i.guid?.value)).toEqual([
      `${BASE}/articles/${ids.baram}`,
      `${BASE}/articles/${ids.tricky}`,
      `${BASE}/articles/${ids.old}`,
    ]);
    const tricky = feed.items![1]!;
    expect(tricky.title).toBe('따옴표 "와" <꺾쇠> & 앰퍼샌드');
    expect(tricky.content?.encoded).toContain(']]&gt;');
    expect(tricky.dc?.creators).toEqual(['김하늘 기자']);
    expect(tricky.categories!.map((c) => c.name)).toEqual(['경제', '사회']);
    expect(tricky.media?.contents?.[0]).toMatchObject({
      url: 'https://img.example/1.jpg',
      description: { value: '사진 설명' },
    });
    expect(new Date(tricky.pubDate!).getTime()).toBe(Math.floor((NOW - DAY) / 1000) * 1000);
    expect(res.body).not.toContain('gone');
  });

  it('publishes Atom 1.0 and JSON Feed 1.1 that independent parsers read back', async () => {
    const atom = parseAtomFeed((await app.inject('/press/hanbit/atom.xml')).body);
    expect(atom.title?.value).toBe('소식 · 한빛일보');
    expect(atom.entries!.map((e) => e.id)).toEqual([`${BASE}/articles/${ids.tricky}`, `${BASE}/articles/${ids.old}`]);
    expect(atom.entries![0]!.content?.value).toContain('CDATA 끝 ]]&gt;');
    expect(atom.entries![0]!.categories!.map((c) => c.term)).toEqual(['economy', 'society']);
    expect(atom.links!.find((l) => l.rel === 'self')?.href).toBe(`${BASE}/press/hanbit/atom.xml`);

    const jsonRes = await app.inject('/categories/sports/feed.json');
    expect(jsonRes.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const body = JSON.parse(jsonRes.body);
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    const json = parseJsonFeed(body);
    expect(json.title).toBe('소식 · 스포츠');
    expect(json.items!.map((i) => i.id)).toEqual([`${BASE}/articles/${ids.baram}`]);
    expect(json.items![0]!.authors).toEqual([{ name: '김하늘 기자' }]);
  });

  it('reads its own output back through the ingest parser (all three formats agree)', async () => {
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const parsed = parseFeedText((await app.inject(path)).body);
      expect(parsed.items.map((i) => i.title)).toEqual([`기사 baram-1`, '따옴표 "와" <꺾쇠> & 앰퍼샌드', '기사 old']);
      expect(parsed.items[1]!.categories).toEqual(expect.arrayContaining(['경제', '사회']));
    }
  });

  it('publishes issue feeds through the registered issue source, English on ?lang=en', async () => {
    const rss = parseRssFeed((await app.inject('/issues/bus/feed.xml?lang=en')).body);
    expect(rss.title).toBe('소식 issue: 버스 개편');
    expect(rss.items).toHaveLength(2);
    expect(rss.items![0]!.categories!.map((c) => c.name)).toEqual(['Economy', 'Society']);
    expect((await app.inject('/issues/nope/feed.xml')).statusCode).toBe(404);
  });

  it('every published XML document is well-formed (strict validator)', async () => {
    for (const path of [
      '/feed.xml',
      '/atom.xml',
      '/press/hanbit/feed.xml',
      '/categories/economy/atom.xml',
      '/issues/bus/atom.xml',
      '/sitemap.xml',
      '/sitemaps/pages.xml',
      '/sitemaps/articles-1.xml',
      '/sitemap-news.xml',
    ]) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(XMLValidator.validate(res.body), path).toBe(true);
    }
  });

  it('answers 404 for unknown presses and categories', async () => {
    expect((await app.inject('/press/nobody/feed.xml')).statusCode).toBe(404);
    expect((await app.inject('/categories/nothing/atom.xml')).statusCode).toBe(404);
  });

  it('answers conditional GETs with 304, and changes validators when an article changes', async () => {
    const first = await app.inject('/press/baram/feed.xml');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^W\/"/);
    expect((await app.inject({ url: '/press/baram/feed.xml', headers: { 'if-none-match': etag } })).statusCode).toBe(
      304,
    );
    expect(
      (await app.inject({ url: '/press/baram/feed.xml', headers: { 'if-modified-since': lastModified } })).statusCode,
    ).toBe(304);
    // Another format of the same feed has its own ETag.
    expect((await app.inject({ url: '/press/baram/atom.xml', headers: { 'if-none-match': etag } })).statusCode).toBe(
      200,
    );

    const baram = await t.db.selectFrom('presses').select('id').where('slug', '=', 'baram').executeTakeFirstOrThrow();
    await ingestArticle(deps, {
      pressId: baram.id,
      source: 'api',
      input: article('baram-2', { firstCreated: NOW + 1000 }),
      original: {},
      now: NOW + 2000,
    });
    const after = await app.inject({ url: '/press/baram/feed.xml', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('publishes sitemap.xml, the Google News sitemap and robots.txt', async () => {
    const index = await app.inject('/sitemap.xml');
    expect(index.body).toContain(`<loc>${BASE}/sitemaps/articles-1.xml</loc>`);
    expect(index.body).toContain(`<loc>${BASE}/sitemaps/pages.xml</loc>`);
    const articles = await app.inject('/sitemaps/articles-1.xml');
    expect(articles.statusCode).toBe(200);
    expect(articles.body).toContain(`<loc>${BASE}/articles/${ids.old}</loc>`);
    expect(articles.body).not.toContain(`<loc>${BASE}/articles/${ids.gone}</loc>`);
    expect(
      (
        await app.inject({
          url: '/sitemaps/articles-1.xml',
          headers: { 'if-none-match': articles.headers.etag as string },
        })
      ).statusCode,
    ).toBe(304);
    const pages = await app.inject('/sitemaps/pages.xml');
    expect(pages.body).toContain(`<loc>${BASE}/categories/economy</loc>`);
    expect(pages.body).toContain(`<loc>${BASE}/press/baram</loc>`);

    const news = await app.inject('/sitemap-news.xml');
    expect(news.body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(news.body).toContain(`<loc>${BASE}/articles/${ids.baram}</loc>`);
    expect(news.body).toContain(`<loc>${BASE}/articles/${ids.tricky}</loc>`);
    expect(news.body).not.toContain(`<loc>${BASE}/articles/${ids.old}</loc>`); // five days old
    expect(news.body).toContain('<news:title>따옴표 &quot;와&quot; &lt;꺾쇠&gt; &amp; 앰퍼샌드</news:title>');

    const robots = await app.inject('/robots.txt');
    expect(robots.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots.body).toContain('Disallow: /studio');
  });
});

describe('feedAlternates', () => {
  it('lists the three formats for a page, with titles in the reader language', () => {
    const links = feedAlternates(BASE, 'ko', { kind: 'category', slug: 'economy', name: '경제' }, '소식');
    expect(links).toEqual([
      { type: 'application/rss+xml', title: '경제 (RSS)', href: `${BASE}/categories/economy/feed.xml` },
      { type: 'application/atom+xml', title: '경제 (Atom)', href: `${BASE}/categories/economy/atom.xml` },
      { type: 'application/feed+json', title: '경제 (JSON Feed)', href: `${BASE}/categories/economy/feed.json` },
    ]);
    expect(feedAlternates(BASE, 'en', { kind: 'home' }, 'Sosik')[0]!.href).toBe(`${BASE}/feed.xml?lang=en`);
  });
});
