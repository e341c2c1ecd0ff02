// What a new reader ran into, through the real app (inject) on the demo content, on SQLite and
// PostgreSQL: keyword tags that search, search thumbnails, the header box that keeps the query,
// YYYY-MM-DD date filters checked on the server, a choseong example that finds something, the
// listen/share controls hidden without JS, /favicon.ico and /api/docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import type { SearchResponse } from '../src/search/model.ts';
import { CHOSEONG_EXAMPLE } from '../src/search/views.tsx';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { testDialects } from './helpers/databases.ts';

const q = (text: string) => encodeURIComponent(text);

describe.each(await testDialects())('reader rough edges on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false, searchApiRatePerMinute: 100_000 });
    await seedDemo(t.deps);
    await t.runJobs(); // index the demo for search (ingest enqueued the jobs)
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.inject(url);
  const api = async (query: string) => (await get(`/api/v1/search?${query}`)).json() as SearchResponse;

  it('offers a choseong example on the empty search page that finds demo headlines', async () => {
    const empty = await get('/search');
    expect(empty.body).toContain(`href="/search?q=${q(CHOSEONG_EXAMPLE.choseong)}"`);
    const found = await api(`q=${q(CHOSEONG_EXAMPLE.choseong)}`);
    expect(found.mode).toBe('choseong');
    expect(found.total).toBeGreaterThan(0);
    expect(found.results.every((r) => r.headline.includes(CHOSEONG_EXAMPLE.word))).toBe(true);
  });

  it('shows a thumbnail exactly for the results whose article has a photo', async () => {
    const json = await api(`q=${q('폭설')}`);
    const withPhoto = json.results.filter((r) => r.photoUrl);
    expect(withPhoto.length).toBeGreaterThan(0);
    expect(withPhoto.length).toBeLessThan(json.results.length);
    const photoCount = async (id: number) =>
      Number(
        (
          await t.db.db
            .selectFrom('article_photos')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('article_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const r of json.results) expect(r.photoUrl !== null).toBe((await photoCount(r.id)) > 0);

    const page = await get(`/search?q=${q('폭설')}`);
    expect((page.body.match(/class="search-result search-result--with-photo"/g) ?? []).length).toBe(withPhoto.length);
    for (const r of withPhoto)
      expect(page.body).toContain(
        `<a class="search-result__photo" href="${r.url}" tabindex="-1" aria-hidden="true"><img src="${r.photoUrl}" alt loading="lazy"`,
      );
  });

  it('keeps the query in the header search box on the search page only', async () => {
    const page = await get(`/search?q=${q('시내버스')}`);
    expect(page.body).toContain('<input id="site-search" type="search" name="q" value="시내버스"');
    const home = await get('/');
    expect(home.body).toMatch(/<input id="site-search" type="search" name="q" value placeholder=/);
  });

  it('asks for dates as YYYY-MM-DD text, uses a real day and names one that is not', async () => {
    const page = await get(`/search?q=${q('시내버스')}&from=2026-01-01`);
    expect(page.body).not.toContain('type="date"');
    expect(page.body).toContain('<input type="text" name="from" value="2026-01-01"');
    expect(page.body).toContain('placeholder="YYYY-MM-DD"');
    expect(page.body).not.toContain('aria-invalid');

    const plain = await api(`q=${q('시내버스')}`);
    const bad = await get(`/search?q=${q('시내버스')}&from=2026-02-30&to=${q('어제')}`);
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('입력한 ‘2026-02-30’ 값은 날짜가 아니어서 빼고 검색했습니다.');
    expect(bad.body).toContain('입력한 ‘어제’ 값은 날짜가 아니어서 빼고 검색했습니다.');
    expect(bad.body).toContain('value="2026-02-30"');
    expect(bad.body).toContain('aria-invalid="true"');
    // The search ran without the unusable dates: the same count as no dates at all.
    expect(bad.body).toContain(`기사 ${plain.total}건`);
    expect((await api(`q=${q('시내버스')}&from=2026-02-30`)).total).toBe(plain.total);
  });

  it('links keyword tags to a search for the keyword, and keeps listen and share hidden without JS', async () => {
    const row = await t.db.db
      .selectFrom('articles')
      .select(['id', 'keywords'])
      .where('keywords', '!=', '[]')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const keywords = JSON.parse(row.keywords) as string[];
    const page = await get(`/articles/${row.id}`);
    for (const k of keywords) expect(page.body).toContain(`<a href="/search?q=${q(k).replace(/%20/g, '+')}"`);
    expect(page.body).toMatch(/<button type="button" class="tool-button" data-listen="ko"[^>]* hidden>/);
    expect(page.body).toMatch(
      /<button type="button" class="tool-button" data-share-url="[^"]+" data-share-title="[^"]+" hidden>/,
    );
    const found = await api(`q=${q(keywords[0]!)}`);
    expect(found.results.map((r) => r.id)).toContain(row.id);
  });

  it('answers /favicon.ico with an ICO', async () => {
    const res = await get('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect([...res.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('renders `code` in /api/docs and describes the search paging and sort parameters', async () => {
    const res = await get('/api/docs');
    const text = res.body.replace(/<pre[\s\S]*?<\/pre>/g, '');
    expect(text).not.toContain('`');
    expect(res.body).toContain('<code>relevance</code>');
    for (const name of ['sort', 'page', 'size'])
      expect(res.body).toMatch(new RegExp(`<code>${name}</code> \\(query\\) [^<]*\\S`));
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get: { parameters: Array<{ name: string; description?: string }> } }>;
    };
    for (const p of doc.paths['/api/v1/search']!.get.parameters) expect(p.description, p.name).toBeTruthy();
  });
});
