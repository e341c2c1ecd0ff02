// Read queries behind the reader-facing pages: the shapes pages show, and the newest-first lists
// (latest, category, press) with keyset pagination. The front page's boxes live in
// front-page-store.ts, the article page's data in article-detail-store.ts. Each page costs a few
// indexed queries, never one per listed item; the same Kysely code runs on SQLite and PostgreSQL.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export interface Byline {
  name: string;
  ref?: string;
  email?: string;
  role?: string;
}

export interface CategoryRef {
  id: number;
  slug: string;
  nameKo: string;
  nameEn: string;
}

export interface PressRef {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
}

export interface PressDetail extends PressRef {
  homepage: string | null;
  description: string | null;
  descriptionEn: string | null;
  copyright: string | null;
}

/** One article as lists show it. */
export interface ArticleCard {
  id: number;
  headline: string;
  series: string | null;
  summary: string;
  lang: string;
  firstCreatedAt: number;
  press: PressRef;
  /** First photo, shown as a decorative thumbnail beside the headline link. */
  photoUrl: string | null;
}

export interface ArticleLink {
  id: number;
  headline: string;
  /** Language of the headline (pages mark it when it differs from the UI). */
  lang: string;
}

export interface Photo {
  url: string;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  alt: string | null;
}

export interface ArticleDetail {
  id: number;
  headline: string;
  subheadline: string | null;
  series: string | null;
  /** Sanitised at ingest: the one HTML the pages embed as-is. */
  bodyHtml: string;
  summary: string;
  lang: string;
  bylines: Byline[];
  keywords: string[];
  copyright: string | null;
  status: 'usable' | 'withdrawn';
  revision: number;
  firstCreatedAt: number;
  updatedAt: number;
  withdrawnAt: number | null;
  press: PressDetail;
  photos: Photo[];
  categories: CategoryRef[];
  /** Older article of the same press. */
  previous: ArticleLink | null;
  /** Newer article of the same press. */
  next: ArticleLink | null;
}

/** Position in a newest-first list: (first_created_at, id), written "<ms>-<id>" in links. */
export interface Cursor {
  ms: number;
  id: number;
}

/** Defence in depth (ingest already filters): only http(s) and site-relative URLs reach href/src. */
export function isSafeUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url);
}

export function parseCursor(raw: unknown): Cursor | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{1,15})-(\d{1,12})$/.exec(raw);
  return m ? { ms: Number(m[1]), id: Number(m[2]) } : undefined;
}

export function formatCursor(c: { firstCreatedAt: number; id: number }): string {
  return `${c.firstCreatedAt}-${c.id}`;
}

export interface ListPage {
  items: ArticleCard[];
  /** Cursor for the next (older) page, when there is one. */
  older?: string;
  /** Cursor for the previous (newer) page, when there is one. */
  newer?: string;
}

export interface ListQuery {
  before?: Cursor;
  after?: Cursor;
  limit: number;
}

type ArticleEb = ExpressionBuilder<Database & { a: Database['articles']; p: Database['presses'] }, 'a' | 'p'>;

const firstPhotoUrl = (eb: ArticleEb) =>
  eb
    .selectFrom('article_photos as ph')
    .select('ph.url')
    .whereRef('ph.article_id', '=', 'a.id')
    .orderBy('ph.position')
    .limit(1);

/** Usable articles with what a list shows of them (first photo by a correlated, indexed lookup). */
export function cardsQuery(db: Db) {
  return cardsOfAnyStatus(db).where('a.status', '=', 'usable');
}

/**
 * The card columns without the status condition, for lookups by id (cards-by-id.ts): with
 * `status = ?` beside `id in (…)`, SQLite without statistics walks a status index over every
 * published article instead of the primary key (370 ms at 1M articles, against well under 1 ms).
 */
export function cardsOfAnyStatus(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('presses as p', 'p.id', 'a.press_id')
    .select((eb) => [
      'a.status',
      'a.id',
      'a.headline',
      'a.series',
      'a.summary',
      'a.lang',
      'a.first_created_at',
      'p.id as press_id',
      'p.slug as press_slug',
      'p.name as press_name',
      'p.name_en as press_name_en',
      firstPhotoUrl(eb as unknown as ArticleEb).as('photo_url'),
    ]);
}

export type CardRow = {
  id: number;
  headline: string;
  series: string | null;
  summary: string;
  lang: string;
  first_created_at: number;
  press_id: number;
  press_slug: string;
  press_name: string;
  press_name_en: string | null;
  photo_url: string | null;
};

export function toCard(r: CardRow): ArticleCard {
  return {
    id: Number(r.id),
    headline: r.headline,
    series: r.series,
    summary: r.summary,
    lang: r.lang,
    firstCreatedAt: Number(r.first_created_at),
    press: { id: Number(r.press_id), slug: r.press_slug, name: r.press_name, nameEn: r.press_name_en },
    photoUrl: r.photo_url && isSafeUrl(r.photo_url) ? r.photo_url : null,
  };
}

type CardsQuery = ReturnType<typeof cardsQuery>;

/** Keyset pagination, newest first; `after` walks back towards newer items and is re-reversed. */
async function pageOf(query: CardsQuery, q: ListQuery): Promise<ListPage> {
  const towardsNewer = !q.before && !!q.after;
  let qb = query;
  if (q.before)
    qb = qb.where((eb) => eb(eb.refTuple('a.first_created_at', 'a.id'), '<', eb.tuple(q.before!.ms, q.before!.id)));
  if (towardsNewer)
    qb = qb.where((eb) => eb(eb.refTuple('a.first_created_at', 'a.id'), '>', eb.tuple(q.after!.ms, q.after!.id)));
  const dir = towardsNewer ? 'asc' : 'desc';
  const rows = (await qb
    .orderBy('a.first_created_at', dir)
    .orderBy('a.id', dir)
    .limit(q.limit + 1)
    .execute()) as CardRow[];
  const hasMore = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map(toCard);
  if (towardsNewer) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  const page: ListPage = { items };
  if (towardsNewer) {
    if (hasMore && first) page.newer = formatCursor(first);
    if (last) page.older = formatCursor(last);
  } else {
    if (hasMore && last) page.older = formatCursor(last);
    if (q.before && first) page.newer = formatCursor(first);
  }
  return page;
}

export async function listCategories(db: Db): Promise<CategoryRef[]> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'slug', 'name_ko', 'name_en'])
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), slug: r.slug, nameKo: r.name_ko, nameEn: r.name_en }));
}

export async function findCategory(db: Db, slug: string): Promise<CategoryRef | undefined> {
  const r = await db
    .selectFrom('categories')
    .select(['id', 'slug', 'name_ko', 'name_en'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r && { id: Number(r.id), slug: r.slug, nameKo: r.name_ko, nameEn: r.name_en };
}

export async function listPresses(db: Db): Promise<PressRef[]> {
  const rows = await db.selectFrom('presses').select(['id', 'slug', 'name', 'name_en']).orderBy('name').execute();
  return rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, nameEn: r.name_en }));
}

export async function findPress(db: Db, slug: string): Promise<PressDetail | undefined> {
  const r = await db
    .selectFrom('presses')
    .select(['id', 'slug', 'name', 'name_en', 'homepage', 'description', 'description_en', 'copyright'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return (
    r && {
      id: Number(r.id),
      slug: r.slug,
      name: r.name,
      nameEn: r.name_en,
      homepage: r.homepage,
      description: r.description,
      descriptionEn: r.description_en,
      copyright: r.copyright,
    }
  );
}

export function latestArticles(db: Db, q: ListQuery): Promise<ListPage> {
  return pageOf(cardsQuery(db), q);
}

export function categoryArticles(db: Db, categoryId: number, q: ListQuery): Promise<ListPage> {
  const query = cardsQuery(db).where((eb) =>
    eb.exists(
      eb
        .selectFrom('article_categories as ac')
        .select('ac.article_id')
        .whereRef('ac.article_id', '=', 'a.id')
        .where('ac.category_id', '=', categoryId),
    ),
  );
  return pageOf(query, q);
}

export function pressArticles(db: Db, pressId: number, q: ListQuery): Promise<ListPage> {
  return pageOf(cardsQuery(db).where('a.press_id', '=', pressId), q);
}

/** What a list of found articles shows (search results): text for snippets and the press. */
export interface ArticleTeaser {
  id: number;
  headline: string;
  bodyText: string;
  summary: string;
  firstCreatedAt: number;
  press: { slug: string; name: string; nameEn: string | null };
  /** First photo, for a thumbnail beside the result. */
  photoUrl: string | null;
}

/** The teasers of these published articles, in no particular order; ids that do not exist or were withdrawn are left out. */
export async function articleTeasers(db: Db, ids: readonly number[]): Promise<ArticleTeaser[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('presses as p', 'p.id', 'a.press_id')
    .select(['a.id', 'a.headline', 'a.body_text', 'a.summary', 'a.first_created_at', 'p.slug', 'p.name', 'p.name_en'])
    .select((eb) => firstPhotoUrl(eb as unknown as ArticleEb).as('photo_url'))
    .where('a.id', 'in', [...ids])
    // A withdrawn article leaves every list at once, before the jobs that follow it have run.
    .where('a.status', '=', 'usable')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    bodyText: r.body_text,
    summary: r.summary,
    firstCreatedAt: Number(r.first_created_at),
    press: { slug: r.slug, name: r.name, nameEn: r.name_en },
    photoUrl: r.photo_url && isSafeUrl(r.photo_url) ? r.photo_url : null,
  }));
}
