// Each press's count of published articles lives on its row (presses.article_count, migration
// 0011) so the press directory reads it instead of counting over the archive. Ingest moves it in
// the same transaction as the article change, so it can never drift from what the lists show.
import type { Transaction } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.ts';

/** +1 when an article becomes published, -1 when a published one is withdrawn, else nothing. */
export async function adjustPressArticleCount(
  trx: Transaction<Database>,
  pressId: number,
  before: ArticleStatus | undefined,
  after: ArticleStatus,
): Promise<void> {
  await movePressArticleCount(trx, pressId, publishedDelta(before, after));
}

/** What one article's change does to its press's count: +1, -1 or 0. */
export function publishedDelta(before: ArticleStatus | undefined, after: ArticleStatus): number {
  return (after === 'usable' ? 1 : 0) - (before === 'usable' ? 1 : 0);
}

/** Moves the count by `delta` (the sum of a batch's changes: one statement for many articles). */
export async function movePressArticleCount(trx: Transaction<Database>, pressId: number, delta: number): Promise<void> {
  if (delta === 0) return;
  // One relative update: concurrent ingests of one press add up instead of overwriting each other.
  await trx
    .updateTable('presses')
    .set((eb) => ({ article_count: eb('article_count', '+', delta) }))
    .where('id', '=', pressId)
    .execute();
}
