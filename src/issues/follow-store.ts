// What followers of an issue read (subscriptions' My news and alerts): an issue's newest
// articles as one range of issue_articles (issue_id, published_at), and issues' names by id.
import type { Db } from '../db/database.ts';

export async function issueArticleIds(
  db: Db,
  issueId: number,
  limit: number,
  before?: { ms: number; id: number },
): Promise<Array<{ id: number; publishedAt: number }>> {
  let q = db.selectFrom('issue_articles').select(['article_id', 'published_at']).where('issue_id', '=', issueId);
  if (before) q = q.where((eb) => eb(eb.refTuple('published_at', 'article_id'), '<', eb.tuple(before.ms, before.id)));
  const rows = await q.orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.article_id, publishedAt: Number(r.published_at) }));
}

/** Names and slugs of issues (a merged issue answers with the one it became). */
export async function issueRefs(
  db: Db,
  ids: readonly number[],
): Promise<Array<{ id: number; slug: string; name: string; mergedInto: number | null }>> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('issues')
    .select(['id', 'slug', 'auto_name', 'editor_name', 'merged_into'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.editor_name ?? r.auto_name, mergedInto: r.merged_into }));
}

/** Issues an article belongs to (for alerts to an issue's followers). */
export async function issuesOfArticle(db: Db, articleId: number): Promise<number[]> {
  const rows = await db.selectFrom('issue_articles').select('issue_id').where('article_id', '=', articleId).execute();
  return rows.map((r) => r.issue_id);
}

/** issuesOfArticle for many articles at once (alerts for a batch of new articles): one read. */
export async function issuesOfArticles(db: Db, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!articleIds.length) return out;
  const rows = await db
    .selectFrom('issue_articles')
    .select(['article_id', 'issue_id'])
    .where('article_id', 'in', [...articleIds])
    .execute();
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.issue_id]);
  return out;
}
