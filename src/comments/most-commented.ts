// How many published comments (replies included) articles received since a moment, the most
// first: what /ranking's "most commented" reads. One range of comments_status (status, created_at),
// so its cost follows the window (a few hours of comments), never the archive.
import type { Db } from '../db/database.ts';

export interface CommentCount {
  articleId: number;
  comments: number;
}

export async function mostCommentedSince(
  db: Db,
  opts: { since: number; limit: number; pressId?: number; categoryId?: number },
): Promise<CommentCount[]> {
  let q = db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select((eb) => ['c.article_id', eb.fn.countAll<number>().as('n')])
    .where('c.status', '=', 'published')
    .where('c.created_at', '>=', opts.since)
    .where('a.status', '=', 'usable')
    .groupBy('c.article_id')
    .orderBy('n', 'desc')
    .orderBy('c.article_id', 'desc')
    .limit(opts.limit);
  if (opts.pressId !== undefined) q = q.where('a.press_id', '=', opts.pressId);
  if (opts.categoryId !== undefined) {
    const categoryId = opts.categoryId;
    q = q.innerJoin('article_categories as ac', (j) =>
      j.onRef('ac.article_id', '=', 'c.article_id').on('ac.category_id', '=', categoryId),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ articleId: Number(r.article_id), comments: Number(r.n) }));
}
