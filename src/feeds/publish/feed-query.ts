// Loads the channel and newest articles for an outgoing feed: everything, one press, one
// category, or a given list of articles from a feed source another capability declares (an
// issue). A handful of indexed queries per feed.
import { FEED_FILES, feedBaseOf } from '../../web/feed-links.ts';
import { readBylines } from '../../articles/index.ts';
import type { AppDeps } from '../../deps.ts';
import { t, type Locale } from '../../web/i18n/index.ts';
import type { FeedDocument, PublishedItem } from './feed-document.ts';

export const FEED_ITEM_LIMIT = 50;

export type FeedScope =
  | { kind: 'all' }
  | { kind: 'press'; slug: string }
  | { kind: 'category'; slug: string }
  /** A set of articles a capability's FeedSource found (src/capability.ts), e.g. an issue. */
  | { kind: 'source'; prefix: string; noun: string; slug: string; title: string; articleIds: number[] };

/** Path of the HTML page a scope mirrors, and the base its feed URLs hang from. */
export function scopePaths(scope: FeedScope): { page: string; feedBase: string } {
  const feedBase = feedBaseOf(
    scope.kind === 'all'
      ? { kind: 'home' }
      : scope.kind === 'source'
        ? { ...scope, name: scope.title }
        : { ...scope, name: '' },
  );
  return { page: feedBase || '/', feedBase };
}

export { FEED_FILES };

/** The feed document, or undefined when the press / category does not exist. */
export async function loadFeedDocument(
  deps: AppDeps,
  scope: FeedScope,
  locale: Locale,
): Promise<FeedDocument | undefined> {
  const { db, config } = deps;
  const site = config.siteName;
  let title: string;
  let description: string;
  let query = db
    .selectFrom('articles as a')
    .innerJoin('presses as p', 'p.id', 'a.press_id')
    .where('a.status', '=', 'usable')
    .select([
      'a.id',
      'a.headline',
      'a.summary',
      'a.body_html',
      'a.lang',
      'a.first_created_at',
      'a.updated_at',
      'a.bylines',
      'p.slug as press_slug',
      'p.name as press_name',
      'p.name_en as press_name_en',
    ]);

  if (scope.kind === 'all') {
    title = t(locale, 'feeds.title.all', { site });
    description = t(locale, 'feeds.description.all', { site });
  } else if (scope.kind === 'press') {
    const press = await db
      .selectFrom('presses')
      .select(['id', 'name', 'name_en', 'description'])
      .where('slug', '=', scope.slug)
      .executeTakeFirst();
    if (!press) return undefined;
    const name = locale === 'en' && press.name_en ? press.name_en : press.name;
    title = t(locale, 'feeds.title.press', { site, name });
    description = press.description ?? t(locale, 'feeds.description.press', { name });
    query = query.where('a.press_id', '=', press.id);
  } else if (scope.kind === 'category') {
    const category = await db
      .selectFrom('categories')
      .select(['id', 'name_ko', 'name_en'])
      .where('slug', '=', scope.slug)
      .executeTakeFirst();
    if (!category) return undefined;
    const name = locale === 'en' ? category.name_en : category.name_ko;
    title = t(locale, 'feeds.title.category', { site, name });
    description = t(locale, 'feeds.description.category', { name });
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_categories as ac')
          .select('ac.article_id')
          .whereRef('ac.article_id', '=', 'a.id')
          .where('ac.category_id', '=', category.id),
      ),
    );
  } else {
    title = t(locale, `feeds.title.${scope.noun}`, { site, name: scope.title });
    description = t(locale, `feeds.description.${scope.noun}`, { name: scope.title });
    if (scope.articleIds.length === 0) query = query.where('a.id', '=', -1);
    else query = query.where('a.id', 'in', scope.articleIds.slice(0, 1000));
  }

  const rows = await query
    .orderBy('a.first_created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(FEED_ITEM_LIMIT)
    .execute();
  const ids = rows.map((r) => r.id);
  const [cats, photos] = ids.length
    ? await Promise.all([
        db
          .selectFrom('article_categories as ac')
          .innerJoin('categories as c', 'c.id', 'ac.category_id')
          .select(['ac.article_id', 'c.slug', 'c.name_ko', 'c.name_en', 'c.position'])
          .where('ac.article_id', 'in', ids)
          .orderBy('c.position')
          .execute(),
        db
          .selectFrom('article_photos')
          .select(['article_id', 'url', 'caption', 'credit', 'position'])
          .where('article_id', 'in', ids)
          .orderBy('position')
          .execute(),
      ])
    : [[], []];

  const base = config.publicUrl;
  const items: PublishedItem[] = rows.map((r) => {
    const photo = photos.find((p) => p.article_id === r.id);
    return {
      id: r.id,
      url: `${base}/articles/${r.id}`,
      headline: r.headline,
      summary: r.summary,
      bodyHtml: r.body_html,
      lang: r.lang,
      publishedAt: Number(r.first_created_at),
      updatedAt: Number(r.updated_at),
      authors: parseBylines(r.bylines),
      pressName: locale === 'en' && r.press_name_en ? r.press_name_en : r.press_name,
      pressUrl: `${base}/press/${encodeURIComponent(r.press_slug)}`,
      categories: cats
        .filter((c) => c.article_id === r.id)
        .map((c) => ({ slug: c.slug, name: locale === 'en' ? c.name_en : c.name_ko })),
      ...(photo
        ? {
            image: {
              url: photo.url,
              ...(photo.caption ? { caption: photo.caption } : {}),
              ...(photo.credit ? { credit: photo.credit } : {}),
            },
          }
        : {}),
    };
  });
  const paths = scopePaths(scope);
  const lang = locale === 'en' ? '?lang=en' : '';
  return {
    title,
    description,
    homeUrl: `${base}${paths.page}`,
    feedUrls: {
      rss: `${base}${paths.feedBase}/${FEED_FILES.rss}${lang}`,
      atom: `${base}${paths.feedBase}/${FEED_FILES.atom}${lang}`,
      json: `${base}${paths.feedBase}/${FEED_FILES.json}${lang}`,
    },
    lang: locale,
    updatedAt: items.reduce((max, i) => Math.max(max, i.updatedAt), 0),
    items,
  };
}

function parseBylines(json: string): string[] {
  return readBylines(json).map((b) => b.name);
}
