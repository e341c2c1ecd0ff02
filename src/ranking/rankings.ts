// The three rankings, read from the hourly view buckets (and comments' counts): each a range of
// hours on an index, so its cost follows the window (24 hours of buckets), never the archive.
// Withdrawn articles never appear: the queries join usable articles, and the cards are read
// through articles' own `articleCardsByIds`, which returns usable articles only.
import { sql } from 'kysely';
import { type ArticleCard, articleCardsByIds } from '../articles/index.ts';
import { mostCommentedSince } from '../comments/index.ts';
import type { Db } from '../db/database.ts';
import { FASTEST_RISING, MOST_COMMENTED, MOST_VIEWED, PRESS_ASIDE } from './parameters.ts';
import { epochHour } from './visitor.ts';

const HOUR = 3_600_000;

export type RankingKind = 'viewed' | 'commented' | 'rising';
export const RANKING_KINDS: readonly RankingKind[] = ['viewed', 'commented', 'rising'];

export interface RankingScope {
  pressId?: number;
  categoryId?: number;
}

/** Why an item is where it is: the figures its rank was computed from. */
export type RankingWhy =
  | { kind: 'viewed'; views: number; windowHours: number }
  | { kind: 'commented'; comments: number; windowHours: number }
  | { kind: 'rising'; recentViews: number; recentHours: number; ratio: number };

export interface RankedArticle {
  rank: number;
  card: ArticleCard;
  why: RankingWhy;
}

function viewsBase(db: Db, scope: RankingScope, fromHour: number, now: number, maxAgeHours: number) {
  let q = db
    .selectFrom('ranking_view_hours as v')
    .innerJoin('articles as a', 'a.id', 'v.article_id')
    .where('v.hour', '>=', fromHour)
    .where('a.status', '=', 'usable')
    .where('a.first_created_at', '>=', now - maxAgeHours * HOUR)
    .groupBy('v.article_id');
  if (scope.pressId !== undefined) q = q.where('v.press_id', '=', scope.pressId);
  if (scope.categoryId !== undefined) {
    const categoryId = scope.categoryId;
    q = q.innerJoin('article_categories as ac', (j) =>
      j.onRef('ac.article_id', '=', 'v.article_id').on('ac.category_id', '=', categoryId),
    );
  }
  return q;
}

export async function mostViewed(
  db: Db,
  scope: RankingScope,
  now = Date.now(),
  params: { windowHours: number; maxArticleAgeHours: number; limit: number } = MOST_VIEWED,
): Promise<Array<{ articleId: number; views: number }>> {
  const rows = await viewsBase(db, scope, epochHour(now) - params.windowHours + 1, now, params.maxArticleAgeHours)
    .select((eb) => ['v.article_id', eb.fn.sum<number>('v.views').as('views')])
    .orderBy('views', 'desc')
    .orderBy('v.article_id', 'desc')
    .limit(params.limit)
    .execute();
  return rows.map((r) => ({ articleId: Number(r.article_id), views: Number(r.views) }));
}

export async function fastestRising(
  db: Db,
  scope: RankingScope,
  now = Date.now(),
): Promise<Array<{ articleId: number; recent: number; ratio: number }>> {
  const p = FASTEST_RISING;
  const recentFrom = epochHour(now) - p.recentHours + 1;
  const scale = p.recentHours / p.baselineHours;
  const recent = sql<number>`sum(case when v.hour >= ${sql.lit(recentFrom)} then v.views else 0 end)`;
  const baseline = sql<number>`sum(case when v.hour < ${sql.lit(recentFrom)} then v.views else 0 end)`;
  const score = sql<number>`(${recent} + 1.0) / (${baseline} * ${sql.lit(scale)} + 1.0)`;
  const rows = await viewsBase(db, scope, recentFrom - p.baselineHours, now, p.maxArticleAgeHours)
    .select(['v.article_id', recent.as('recent'), baseline.as('baseline'), score.as('score')])
    .having(recent, '>=', sql.lit(p.minRecentViews))
    .orderBy(score, 'desc')
    .orderBy('v.article_id', 'desc')
    .limit(p.limit)
    .execute();
  return rows.map((r) => ({
    articleId: Number(r.article_id),
    recent: Number(r.recent),
    ratio: Math.round(Number(r.score) * 10) / 10,
  }));
}

/** One ranking as the page shows it: cards in rank order, each with its figures. */
export async function ranking(
  db: Db,
  kind: RankingKind,
  scope: RankingScope,
  now = Date.now(),
): Promise<RankedArticle[]> {
  let items: Array<{ articleId: number; why: RankingWhy }>;
  if (kind === 'viewed') {
    items = (await mostViewed(db, scope, now)).map((r) => ({
      articleId: r.articleId,
      why: { kind, views: r.views, windowHours: MOST_VIEWED.windowHours },
    }));
  } else if (kind === 'commented') {
    const since = now - MOST_COMMENTED.windowHours * HOUR;
    items = (await mostCommentedSince(db, { since, limit: MOST_COMMENTED.limit, ...scope })).map((r) => ({
      articleId: r.articleId,
      why: { kind, comments: r.comments, windowHours: MOST_COMMENTED.windowHours },
    }));
  } else {
    items = (await fastestRising(db, scope, now)).map((r) => ({
      articleId: r.articleId,
      why: { kind, recentViews: r.recent, recentHours: FASTEST_RISING.recentHours, ratio: r.ratio },
    }));
  }
  return withCards(db, items);
}

/** The press's most viewed, for the box beside its articles. */
export async function pressTop(db: Db, pressId: number, now = Date.now()): Promise<RankedArticle[]> {
  const rows = await mostViewed(db, { pressId }, now, { ...MOST_VIEWED, ...PRESS_ASIDE });
  return withCards(
    db,
    rows.map((r) => ({
      articleId: r.articleId,
      why: { kind: 'viewed', views: r.views, windowHours: PRESS_ASIDE.windowHours },
    })),
  );
}

async function withCards(db: Db, items: Array<{ articleId: number; why: RankingWhy }>): Promise<RankedArticle[]> {
  const cards = new Map(
    (
      await articleCardsByIds(
        db,
        items.map((i) => i.articleId),
      )
    ).map((c) => [c.id, c]),
  );
  return items
    .flatMap((i) => {
      const card = cards.get(i.articleId);
      return card ? [{ card, why: i.why }] : [];
    })
    .map((r, n) => ({ ...r, rank: n + 1 }));
}
