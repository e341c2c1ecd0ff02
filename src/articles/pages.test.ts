// Reader pages rendered through the real app (inject), on SQLite and PostgreSQL.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { FEATURED, insertFixture, type Fixture } from '../../test/e2e/fixtures.ts';

const PUBLIC_URL = 'https://news.example.org';

function jsonLdOf(html: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD');
  return JSON.parse(m[1]!) as Record<string, unknown>;
}

describe.each(await testDialects())('reader pages on %s', (dialect) => {
  let tdb: TestDb;
  let app: FastifyInstance;
  let fx: Fixture;

  beforeAll(async () => {
    tdb = await createTestDb(dialect);
    fx = await insertFixture(tdb.db);
    const config = loadConfig(
      {},
      { publicUrl: PUBLIC_URL, demo: false, workers: false, logLevel: 'silent', pageSize: 10, pageCacheSeconds: 0 },
    );
    app = await buildApp({
      db: tdb.db,
      dialect,
      config,
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.dispose();
  });

  it('renders the article page with every part of the reference page', async () => {
    const res = await app.inject(`/articles/${fx.featuredId}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html><html lang="ko">/);
    expect(html).toContain('<a class="skip-link" href="#content">본문 바로가기</a>');
    expect(html).toContain('<main id="content" tabindex="-1"');
    expect(html).toMatch(/\d\d\.\d\d \([일월화수목금토]\)/);
    expect(html).toContain(FEATURED.headline);
    expect(html).toContain(FEATURED.series);
    expect(html).toContain('href="/press/harbor-daily"');
    expect(html).toContain('입력</span>');
    expect(html).toContain(
      `<a href="/articles/${fx.featuredId}/revisions" class="article-times__label">수정됨 · 1회</a>`,
    );
    expect(html).toContain('첫 의견을 남겨 주세요');
    // Without JavaScript the copy button stays hidden; the photo link opens the image itself.
    expect(html).toContain(`data-copy-link="${PUBLIC_URL}/articles/${fx.featuredId}" hidden>`);
    expect(html).toContain('<a class="photo__link" href="/static/demo/photos/tidal-plant.svg" data-lightbox="true">');
    expect(html).toContain(FEATURED.photoCaption);
    expect(html).toContain(FEATURED.photoCredit);
    expect(html).toContain('<dialog class="lightbox"');
    for (const sub of FEATURED.subheads) expect(html).toContain(`<h3>${sub}</h3>`);
    expect(html).toContain(`href="mailto:${FEATURED.bylineEmail}"`);
    expect(html).toContain(FEATURED.copyright);
    expect(html).toContain('기사의 분야는 언론사가 직접 정합니다');
    expect(html).toContain('href="/categories/economy"');
    expect(html).toContain('href="/categories/it-science"');
    // The press's follow control (subscriptions fill the slot): signed out, a way to sign in and come back.
    expect(html).toContain('data-follow="press"');
    expect(html).toContain('data-font-size-control');
    expect(html).toContain(`href="/articles/${fx.olderId}" rel="prev"`);
    expect(html).toContain(`href="/articles/${fx.newerId}" rel="next"`);
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/articles/${fx.featuredId}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(`<meta property="og:image" content="${PUBLIC_URL}/static/demo/photos/tidal-plant.svg"/>`);
    const ld = jsonLdOf(html);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(FEATURED.headline);
    expect(ld.author).toEqual([
      { '@type': 'Person', name: FEATURED.bylineName, email: FEATURED.bylineEmail },
      { '@type': 'Person', name: '윤물결 기자' },
    ]);
  });

  it('skips the "updated" time when the article was never revised, and the previous link at the press\'s oldest', async () => {
    const res = await app.inject(`/articles/${fx.olderId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('입력</span>');
    expect(res.body).not.toContain('수정</span>');
    expect(res.body).not.toContain('수정됨 ·');
    expect(res.body).not.toContain('rel="prev"');
  });

  it('serves English UI with ?lang=en, remembers it, and marks foreign-language content', async () => {
    const res = await app.inject(`/articles/${fx.featuredId}?lang=en`);
    expect(res.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(res.body).toContain('Skip to content');
    expect(res.body).toMatch(/(Sun|Mon|Tue|Wed|Thu|Fri|Sat), [A-Z][a-z]{2} \d{1,2}/);
    expect(res.body).toContain('<article class="article" lang="ko"');
    expect(res.headers['set-cookie']).toContain('lang=en');
    const byCookie = await app.inject({ url: `/articles/${fx.englishId}`, headers: { cookie: 'lang=en' } });
    expect(byCookie.body).toContain('<html lang="en">');
    expect(byCookie.body).not.toContain('<article class="article" lang=');
    const byHeader = await app.inject({ url: '/', headers: { 'accept-language': 'en-US,en;q=0.9,ko;q=0.5' } });
    expect(byHeader.body).toContain('<html lang="en">');
    const korean = await app.inject({ url: '/', headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' } });
    expect(korean.body).toContain('<html lang="ko">');
  });

  it('escapes "<" inside the JSON-LD so a headline cannot close the script', async () => {
    const id = Number(
      (
        await tdb.db
          .updateTable('articles')
          .set({ headline: '</script><script>alert(1)</script>' })
          .where('id', '=', fx.englishId)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const res = await app.inject(`/articles/${id}`);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(jsonLdOf(res.body).headline).toBe('</script><script>alert(1)</script>');
  });

  it('answers 410 with a notice and links on for a withdrawn article, 404 for an unknown one', async () => {
    const gone = await app.inject(`/articles/${fx.withdrawnId}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('언론사가 내린 기사입니다');
    expect(gone.body).toContain('해온일보가 ');
    expect(gone.body).not.toContain('정정 보도로 내려간 기사');
    expect(gone.body).toContain('action="/search"');
    expect(gone.body).toContain(`href="/articles/${fx.englishId}"`);
    const missing = await app.inject('/articles/99999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('찾으시는 페이지가 없습니다');
    expect(missing.body).toContain('href="/"');
    expect((await app.inject('/articles/abc')).statusCode).toBe(404);
    expect((await app.inject('/categories/nope')).statusCode).toBe(404);
    const unknownUrl = await app.inject({ url: '/no/such/page', headers: { 'accept-language': 'en' } });
    expect(unknownUrl.statusCode).toBe(404);
    expect(unknownUrl.body).toContain('We could not find that page');
  });

  it('shows latest, each category and each press on the home page', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('최신 뉴스');
    expect(res.body).toContain(`href="/articles/${fx.englishId}"`);
    expect(res.body).toContain('id="cat-economy"');
    expect(res.body).toContain('id="cat-sports"');
    expect(res.body).not.toContain('id="cat-politics"'); // no articles there
    expect(res.body).toContain('id="press-harbor-daily"');
    expect(res.body).toContain('id="press-valley-times"');
    expect(res.body).not.toContain('정정 보도로 내려간 기사');
  });

  it('paginates a category with stable cursor links', async () => {
    const first = await app.inject('/categories/economy');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('aria-current="page">경제</a>');
    const older = /href="(\/categories\/economy\?before=[^"]+)" rel="next"/
      .exec(first.body)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(older).toMatch(/before=\d+-\d+&page=2$/);
    const ids = (html: string) =>
      [...html.matchAll(/<h2 class="card__title"><a href="\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
    const page1 = ids(first.body);
    expect(page1).toHaveLength(10);
    // A new article arrives: page 2 by its link still shows exactly the same articles.
    const before = ids((await app.inject(older!)).body);
    await tdb.db.updateTable('articles').set({ first_created_at: fx.now }).where('id', '=', fx.olderId).execute();
    await tdb.db.insertInto('article_categories').values({ article_id: fx.olderId, category_id: 2 }).execute();
    const page2 = await app.inject(older!);
    expect(ids(page2.body)).toEqual(before);
    expect(page2.body).toContain('2쪽');
    expect(ids(page2.body).some((id) => page1.includes(id))).toBe(false);
    const newer = /href="([^"]+)" rel="prev"/.exec(page2.body)?.[1];
    expect(newer).toBe('/categories/economy');
  });

  it('sends a path with a trailing slash to the page without it, never to another host', async () => {
    const res = await app.inject('/categories/economy/?page=2');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/categories/economy?page=2');
    expect((await app.inject('//evil.example/')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/login/' })).statusCode).toBe(404);
  });

  it('labels a list page by number only when a cursor got the reader there', async () => {
    const res = await app.inject('/categories/economy?page=5');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('5쪽');
    expect(res.body).toContain('1쪽');
    expect(res.body).not.toContain('rel="prev"');
  });

  it('marks UI text inside a foreign-language story, and neighbours in another language', async () => {
    const ko = await app.inject(`/articles/${fx.englishId}`);
    expect(ko.body).toContain('<article class="article" lang="en"');
    expect(ko.body).toContain('<div class="article-head__info" lang="ko">');
    expect(ko.body).toContain('<section class="press-promo" aria-labelledby="press-promo-title" lang="ko">');
    const en = await app.inject(`/articles/${fx.englishId}?lang=en`);
    expect(en.body).not.toContain('class="article-head__info" lang=');
    expect(en.body).toMatch(/<span class="press-sequence__headline" lang="ko">청람 분지 소식/);
    expect(en.body).toContain('<span aria-hidden="true" class="font-size__small">A</span>');
  });

  it('shows the press page with description, subscribe control and its articles only', async () => {
    const res = await app.inject('/press/harbor-daily');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('해온시와 남해안 소식을 전하는 지역 일간지입니다.');
    expect(res.body).toContain('data-follow="press"');
    const listed = [...res.body.matchAll(/<h2 class="card__title"><a href="\/articles\/(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    // (An earlier test moved the oldest article to the top, so compare membership, not order.)
    expect(listed.sort()).toEqual([fx.newerId, fx.featuredId, fx.olderId].sort());
    // The side column shows the site's latest headlines, other presses included.
    expect(res.body).toContain(`<aside class="side-column"`);
  });

  it('serves static files with long-lived cache headers for versioned URLs', async () => {
    const page = await app.inject('/');
    const css = /href="(\/static\/site\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
    expect(css).toBeDefined();
    const res = await app.inject(css!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toContain('text/css');
  });
});

describe('reader pages on an empty database', () => {
  it('render with empty states instead of failing', async () => {
    const tdb = await createTestDb('sqlite');
    const config = loadConfig(
      {},
      { publicUrl: PUBLIC_URL, demo: false, workers: false, logLevel: 'silent', pageCacheSeconds: 0 },
    );
    const app = await buildApp({
      db: tdb.db,
      dialect: 'sqlite',
      config,
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    });
    try {
      const home = await app.inject('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('아직 실린 기사가 없습니다.');
      const category = await app.inject('/categories/politics?lang=en');
      expect(category.statusCode).toBe(200);
      expect(category.body).toContain('<h1 class="list-head__title">Politics</h1>');
      expect(category.body).toContain('No articles here yet.');
      expect(category.body).not.toContain('class="pagination"');
    } finally {
      await app.close();
      await tdb.dispose();
    }
  });
});
