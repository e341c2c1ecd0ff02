// What comments need to know of an article: that it is live, its headline (context for the
// toxicity model), press, categories and publication time (comment windows).
import type { Db } from '../db/database.ts';

export interface CommentArticle {
  id: number;
  pressId: number;
  headline: string;
  categoryIds: number[];
  publishedAt: number;
}

export async function commentArticle(db: Db, articleId: number): Promise<CommentArticle | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'press_id', 'headline', 'first_created_at', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!row || row.status === 'withdrawn') return undefined;
  const cats = await db
    .selectFrom('article_categories')
    .select('category_id')
    .where('article_id', '=', articleId)
    .execute();
  return {
    id: row.id,
    pressId: row.press_id,
    headline: row.headline,
    categoryIds: cats.map((c) => c.category_id),
    publishedAt: Number(row.first_created_at),
  };
}
