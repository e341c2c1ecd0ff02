// What the studio reads: presses with their article counts, a press's articles, one article's revisions.
import type { Db } from '../db/database.ts';
import { offsetPage } from '../db/paging.ts';
import type { ArticleSource, ArticleStatus } from '../db/schema.ts';

export interface PressSummary {
  id: number;
  slug: string;
  name: string;
  apiKeyPrefix: string | null;
  articleCount: number;
}

export async function listPresses(db: Db): Promise<PressSummary[]> {
  const rows = await db
    .selectFrom('presses')
    .leftJoin('articles', 'articles.press_id', 'presses.id')
    .select(['presses.id', 'presses.slug', 'presses.name', 'presses.api_key_prefix'])
    .select((eb) => eb.fn.count<number>('articles.id').as('article_count'))
    .groupBy(['presses.id', 'presses.slug', 'presses.name', 'presses.api_key_prefix'])
    .orderBy('presses.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    apiKeyPrefix: r.api_key_prefix,
    articleCount: Number(r.article_count),
  }));
}

export async function findPress(db: Db, slug: string) {
  return db
    .selectFrom('presses')
    .select(['id', 'slug', 'name', 'api_key_prefix'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export interface StudioArticleRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  revisionCount: number;
  updatedAt: number;
}

/** One page of a press's articles, most recently changed first; fetches one extra row to know if there is a next page. */
export async function listPressArticles(
  db: Db,
  pressId: number,
  page: number,
  pageSize: number,
): Promise<{ rows: StudioArticleRow[]; hasMore: boolean }> {
  const query = db
    .selectFrom('articles')
    .select(['articles.id', 'articles.headline', 'articles.status', 'articles.updated_at', 'articles.received_at'])
    .select((eb) =>
      eb
        .selectFrom('article_revisions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('article_revisions.article_id', '=', 'articles.id')
        .as('revision_count'),
    )
    .where('articles.press_id', '=', pressId)
    .orderBy('articles.received_at', 'desc')
    .orderBy('articles.id', 'desc');
  const { rows, hasMore } = await offsetPage(query, page, pageSize);
  return {
    hasMore,
    rows: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      revisionCount: Number(r.revision_count ?? 0),
      updatedAt: Number(r.updated_at),
    })),
  };
}

export interface StudioRevision {
  revision: number;
  receivedAt: number;
  source: ArticleSource;
  pubstatus: string;
  original: string;
}

export interface StudioArticle {
  id: number;
  pressId: number;
  pressSlug: string;
  pressName: string;
  headline: string;
  status: ArticleStatus;
  updatedAt: number;
  /** ninjs urgency the press sent (1–2 make it 속보), and whether staff flagged it 속보. */
  urgency: number | null;
  breakingFlagged: boolean;
  revisions: StudioRevision[];
}

export async function findArticleWithRevisions(db: Db, id: number): Promise<StudioArticle | undefined> {
  const article = await db
    .selectFrom('articles')
    .innerJoin('presses', 'presses.id', 'articles.press_id')
    .select([
      'articles.id',
      'articles.press_id',
      'articles.headline',
      'articles.status',
      'articles.updated_at',
      'articles.urgency',
      'articles.breaking_flagged_at',
      'presses.slug as press_slug',
      'presses.name as press_name',
    ])
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!article) return undefined;
  const revisions = await db
    .selectFrom('article_revisions')
    .select(['revision', 'received_at', 'source', 'pubstatus', 'original'])
    .where('article_id', '=', id)
    .orderBy('revision', 'desc')
    .execute();
  return {
    id: article.id,
    pressId: article.press_id,
    pressSlug: article.press_slug,
    pressName: article.press_name,
    headline: article.headline,
    status: article.status,
    updatedAt: Number(article.updated_at),
    urgency: article.urgency,
    breakingFlagged: article.breaking_flagged_at != null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      receivedAt: Number(r.received_at),
      source: r.source,
      pubstatus: r.pubstatus,
      original: r.original,
    })),
  };
}
