// sitemap.xml (an index of page and article sitemaps), the Google News sitemap (articles of the
// last two days) and robots.txt.
import type { AppDeps } from '../../deps.ts';
import { escapeXml, iso } from './xml.ts';

/** Articles per article sitemap file, by id block (ids never change, so files stay stable). */
export const SITEMAP_BLOCK = 10_000;
const NEWS_WINDOW_MS = 2 * 24 * 3_600_000;
const NEWS_LIMIT = 1000;

const URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';

export async function sitemapIndex(deps: AppDeps): Promise<{ xml: string; lastModified: number; maxId: number }> {
  const base = deps.config.publicUrl;
  // Two index look-ups (the primary key's end, and articles_status_updated's), never a scan: one
  // query asking for both maxima would read every published article.
  const [top, newest] = await Promise.all([
    deps.db.selectFrom('articles').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    deps.db
      .selectFrom('articles')
      .select('updated_at')
      .where('status', '=', 'usable')
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const maxId = Number(top?.id ?? 0);
  const lastModified = Number(newest?.updated_at ?? 0);
  const blocks = Math.ceil(maxId / SITEMAP_BLOCK);
  const entries = [`<sitemap><loc>${escapeXml(`${base}/sitemaps/pages.xml`)}</loc></sitemap>`];
  for (let n = 1; n <= blocks; n++)
    entries.push(`<sitemap><loc>${escapeXml(`${base}/sitemaps/articles-${n}.xml`)}</loc></sitemap>`);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</sitemapindex>',
  ].join('\n');
  return { xml, lastModified, maxId };
}

export async function pagesSitemap(deps: AppDeps): Promise<string> {
  const base = deps.config.publicUrl;
  const [categories, presses] = await Promise.all([
    deps.db.selectFrom('categories').select('slug').orderBy('position').execute(),
    deps.db.selectFrom('presses').select('slug').orderBy('slug').execute(),
  ]);
  const locs = [
    `${base}/`,
    ...categories.map((c) => `${base}/categories/${encodeURIComponent(c.slug)}`),
    ...presses.map((p) => `${base}/press/${encodeURIComponent(p.slug)}`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    URLSET,
    ...locs.map((l) => `<url><loc>${escapeXml(l)}</loc></url>`),
    '</urlset>',
  ].join('\n');
}

export async function articlesSitemap(deps: AppDeps, block: number): Promise<{ xml: string; lastModified: number }> {
  const base = deps.config.publicUrl;
  const rows = await deps.db
    .selectFrom('articles')
    .select(['id', 'updated_at'])
    .where('status', '=', 'usable')
    .where('id', '>', (block - 1) * SITEMAP_BLOCK)
    .where('id', '<=', block * SITEMAP_BLOCK)
    .orderBy('id')
    .execute();
  const urls = rows.map(
    (r) =>
      `<url><loc>${escapeXml(`${base}/articles/${r.id}`)}</loc><lastmod>${iso(Number(r.updated_at))}</lastmod></url>`,
  );
  return {
    xml: ['<?xml version="1.0" encoding="UTF-8"?>', URLSET, ...urls, '</urlset>'].join('\n'),
    lastModified: rows.reduce((m, r) => Math.max(m, Number(r.updated_at)), 0),
  };
}

export async function newsSitemap(
  deps: AppDeps,
  now = Date.now(),
): Promise<{ xml: string; lastModified: number; ids: number[] }> {
  const base = deps.config.publicUrl;
  const rows = await deps.db
    .selectFrom('articles as a')
    .select(['a.id', 'a.headline', 'a.lang', 'a.first_created_at', 'a.updated_at'])
    .where('a.status', '=', 'usable')
    .where('a.first_created_at', '>=', now - NEWS_WINDOW_MS)
    .orderBy('a.first_created_at', 'desc')
    .limit(NEWS_LIMIT)
    .execute();
  const name = escapeXml(deps.config.siteName);
  const urls = rows.map(
    (r) =>
      `<url><loc>${escapeXml(`${base}/articles/${r.id}`)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${escapeXml(r.lang || 'ko')}</news:language></news:publication>` +
      `<news:publication_date>${iso(Number(r.first_created_at))}</news:publication_date>` +
      `<news:title>${escapeXml(r.headline)}</news:title></news:news></url>`,
  );
  return {
    xml: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
      ...urls,
      '</urlset>',
    ].join('\n'),
    lastModified: rows.reduce((m, r) => Math.max(m, Number(r.updated_at)), 0),
    ids: rows.map((r) => r.id),
  };
}

export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /studio',
    'Disallow: /login',
    'Disallow: /logout',
    'Disallow: /api/',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    `Sitemap: ${publicUrl}/sitemap-news.xml`,
    '',
  ].join('\n');
}
