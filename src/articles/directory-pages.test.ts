// /latest and /press through the real app (inject) on SQLite and PostgreSQL, and the press
// article count that ingest keeps on the press row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { insertFixture, type Fixture } from '../../test/e2e/fixtures.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { createPress } from '../press/index.ts';
import { ingestArticle } from './ingest.ts';
import type { ArticleInput } from './model.ts';

const PAGE_SIZE = 10;

/** Article ids in the order a list page shows them. */
function listedIds(html: string): number[] {
  const list = html.slice(
    html.indexOf('<ul class="card-list'),
    html.indexOf('</ul>', html.indexOf('<ul class="card-list')),
  );
  return [...list.matchAll(/<h2 class="card__title"><a href="\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
}

function attr(html: string, re: RegExp): string {
  const m = re.exec(html);
  if (!m) throw new Error(`no match for ${re}`);
  return m[1]!.replaceAll('&amp;', '&');
}

describe.each(await testDialects())('/latest and /press on %s', (dialect) => {
  let t: TestApp;
  let fx: Fixture;

  beforeAll(async () => {
    t = await createTestApp(dialect, { pageSize: PAGE_SIZE, demo: false, workers: false });
    fx = await insertFixture(t.db.db);
    // The side column's headlines come from the site snapshot, loaded before the fixture existed.
    await t.app.site.frame.refresh();
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.inject(url);

  it('lists every press newest first and pages with cursors, both ways', async () => {
    const first = await get('/latest');
    expect(first.statusCode).toBe(200);
    expect(listedIds(first.body)).toEqual(fx.usableIds.slice(0, PAGE_SIZE));
    expect(first.body).not.toContain(`href="/articles/${fx.withdrawnId}"`);
    expect(first.body).toContain('<link rel="canonical" href="http://sosik.test/latest"/>');

    const olderHref = attr(first.body, /<a class="pagination__older" href="([^"]+)"/);
    const second = await get(olderHref);
    expect(listedIds(second.body)).toEqual(fx.usableIds.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(second.body).toContain('2쪽');

    const third = await get(attr(second.body, /<a class="pagination__older" href="([^"]+)"/));
    const thirdIds = listedIds(third.body);
    expect(thirdIds).toEqual(fx.usableIds.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));
    const back = await get(attr(third.body, /<a class="pagination__newer" href="([^"]+)"/));
    expect(listedIds(back.body)).toEqual(fx.usableIds.slice(PAGE_SIZE, 2 * PAGE_SIZE));
  });

  it('filters by category, keeps the filter in its page links and marks the chosen chip', async () => {
    const res = await get('/latest?category=economy');
    expect(res.statusCode).toBe(200);
    const categoryPage = await get('/categories/economy');
    // The same articles as the category's own page, in the same order.
    expect(listedIds(res.body)).toEqual(listedIds(categoryPage.body));
    expect(listedIds(res.body).length).toBe(PAGE_SIZE);
    expect(res.body).toContain(
      '<a class="filter-chips__chip" href="/latest?category=economy" aria-current="true">경제</a>',
    );
    expect(res.body).toContain('<a class="filter-chips__chip" href="/latest">전체</a>');
    const olderHref = attr(res.body, /<a class="pagination__older" href="([^"]+)"/);
    expect(olderHref).toMatch(/^\/latest\?category=economy&before=\d+-\d+&page=2$/);
    const older = await get(olderHref);
    expect(listedIds(older.body)).toEqual(
      listedIds((await get(olderHref.replace('/latest?category=economy&', '/categories/economy?'))).body),
    );
    expect(older.body).toContain(
      `<link rel="canonical" href="http://sosik.test${olderHref.replaceAll('&', '&amp;')}"/>`,
    );
  });

  it('answers an unknown category with 404, and a repeated or garbled parameter with the plain list', async () => {
    expect((await get('/latest?category=no-such-section')).statusCode).toBe(404);
    const repeated = await get('/latest?category=economy&category=sports');
    expect(repeated.statusCode).toBe(200);
    expect(listedIds(repeated.body)).toEqual(fx.usableIds.slice(0, PAGE_SIZE));
    const garbled = await get('/latest?before=yesterday&page=-3');
    expect(garbled.statusCode).toBe(200);
    expect(listedIds(garbled.body)).toEqual(fx.usableIds.slice(0, PAGE_SIZE));
    expect(garbled.body).toContain('1쪽');
  });

  it('links the home page and the side column to /latest, and the side column is not numbered', async () => {
    const home = await get('/');
    expect(home.body).toContain('<a href="/latest">최신 기사 더보기</a>');
    expect(home.body).toContain('<a href="/press">전체 언론사 보기</a>');
    const article = await get(`/articles/${fx.featuredId}`);
    expect(article.body).toContain('<ul class="headline-list">');
    expect(article.body).not.toContain('<ol class="ranked-list">');
    expect(article.body).toContain('<a href="/latest">최신 기사 더보기</a>');
  });

  it('lists presses with description, page link, feeds and the kept article count', async () => {
    const before = await get('/press');
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('<a href="/press/harbor-daily">해온일보</a>');
    expect(before.body).toContain('청람 분지의 경제와 문화를 다룹니다.');
    expect(before.body).toContain('href="http://sosik.test/press/harbor-daily/feed.xml"');
    expect(before.body).toContain('href="http://sosik.test/press/valley-times/atom.xml"');
    expect(before.body).toContain('aria-label="해온일보 피드"');
    // The fixture writes rows straight into the tables, past ingest: the kept counts are 0 here.
    expect(before.body).toContain('기사 0건');

    const input: ArticleInput = {
      uri: 'urn:directory:1',
      headline: '해온시 새 방파제 준공',
      bodyHtml: '<p>해온시가 새 방파제를 준공했다.</p>',
      lang: 'ko',
      bylines: [],
      subjects: [{ code: 'society' }],
      keywords: [],
      photos: [],
      firstCreated: fx.now - 1000,
      versionCreated: fx.now - 1000,
      pubstatus: 'usable',
    };
    const deps = t.deps;
    const ingest = (i: ArticleInput) =>
      ingestArticle(deps, { pressId: fx.presses.harbor, source: 'api', input: i, original: i, now: fx.now });
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('presses')
            .select('article_count')
            .where('id', '=', fx.presses.harbor)
            .executeTakeFirstOrThrow()
        ).article_count,
      );
    await ingest(input);
    expect(await count()).toBe(1);
    await ingest({ ...input, headline: '해온시 새 방파제 준공(종합)', versionCreated: fx.now - 500 });
    expect(await count()).toBe(1); // an update is not a new article
    await ingest({ ...input, uri: 'urn:directory:2', headline: '해온만 새 등대 점등' });
    expect(await count()).toBe(2);
    await ingest({ ...input, pubstatus: 'canceled', versionCreated: fx.now - 400 });
    expect(await count()).toBe(1); // withdrawn leaves the count
    await ingest({ ...input, pubstatus: 'usable', versionCreated: fx.now - 300 });
    expect(await count()).toBe(2); // and comes back when the press publishes it again

    const after = await get('/press');
    expect(after.body).toMatch(/<a href="\/press\/harbor-daily">해온일보<\/a>[\s\S]*?기사 2건/);
  });

  it('shows a press logo when the press has one, and refuses a logo that is not an http(s) address', async () => {
    await createPress(t.deps, { slug: 'logo-press', name: '로고일보', logoUrl: 'https://logo-press.example/logo.png' });
    await expect(
      createPress(t.deps, { slug: 'bad-logo', name: '나쁜로고', logoUrl: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const res = await get('/press');
    expect(res.body).toContain('<img class="press-entry__logo" src="https://logo-press.example/logo.png" alt');
    expect(res.body).not.toContain('bad-logo');
    // Presses without a logo show their initial instead.
    expect(res.body).toContain(
      '<span class="press-entry__logo press-entry__logo--initial" aria-hidden="true">해</span>',
    );
  });
});
