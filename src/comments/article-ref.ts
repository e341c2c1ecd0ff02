// What comments need to know of an article: that it is live, its headline (context for the
// toxicity model), press, categories and publication time, whether staff closed it, and its
// categories' rules (comment windows and pre-moderation) — read in one query, since every post
// and every thread render needs all of it.
import type { Db } from '../db/database.ts';
import type { CommentCategoryRuleTable } from './tables.ts';

export type CategoryRule = Omit<CommentCategoryRuleTable, 'category_id'> & { categoryId: number };

export interface CommentArticle {
  id: number;
  pressId: number;
  headline: string;
  categoryIds: number[];
  publishedAt: number;
  /** When a press or editor closed comments on it; null: not closed. */
  closedAt: number | null;
  /** The rules of its categories that have one, by category id. */
  categoryRules: CategoryRule[];
}

export async function commentArticle(db: Db, articleId: number): Promise<CommentArticle | undefined> {
  // One row per category (or one with null category columns): the article's columns repeat.
  const rows = await db
    .selectFrom('articles as a')
    .leftJoin('comment_article_settings as s', 's.article_id', 'a.id')
    .leftJoin('article_categories as ac', 'ac.article_id', 'a.id')
    .leftJoin('comment_category_rules as r', 'r.category_id', 'ac.category_id')
    .select([
      'a.id',
      'a.press_id',
      'a.headline',
      'a.first_created_at',
      'a.status',
      's.closed_at',
      'ac.category_id',
      'r.category_id as rule_category_id',
      'r.premoderation',
      'r.premoderate_first',
      'r.open_hours',
      'r.night_from',
      'r.night_to',
    ])
    .where('a.id', '=', articleId)
    .orderBy('ac.category_id')
    .execute();
  const row = rows[0];
  if (!row || row.status === 'withdrawn') return undefined;
  const categoryRules: CategoryRule[] = [];
  for (const r of rows) {
    if (r.rule_category_id === null) continue;
    categoryRules.push({
      categoryId: r.rule_category_id,
      premoderation: r.premoderation!,
      premoderate_first: Number(r.premoderate_first),
      open_hours: r.open_hours === null ? null : Number(r.open_hours),
      night_from: r.night_from === null ? null : Number(r.night_from),
      night_to: r.night_to === null ? null : Number(r.night_to),
    });
  }
  return {
    id: row.id,
    pressId: row.press_id,
    headline: row.headline,
    categoryIds: rows.flatMap((r) => (r.category_id === null ? [] : [r.category_id])),
    publishedAt: Number(row.first_created_at),
    closedAt: row.closed_at == null ? null : Number(row.closed_at),
    categoryRules,
  };
}
