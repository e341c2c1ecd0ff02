// A reader's personalisation switch and reading history (ranking_reader_settings, ranking_reads).
import type { Db } from '../db/database.ts';

/** On unless the reader switched it off. */
export async function isPersonalised(db: Db, readerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('ranking_reader_settings')
    .select('personalised')
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return row ? row.personalised === 1 : true;
}

export async function setPersonalised(db: Db, readerId: number, on: boolean, now = Date.now()): Promise<void> {
  await db
    .insertInto('ranking_reader_settings')
    .values({ reader_id: readerId, personalised: on ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.column('reader_id').doUpdateSet({ personalised: on ? 1 : 0, updated_at: now }))
    .execute();
}

export async function resetHistory(db: Db, readerId: number): Promise<number> {
  const res = await db.deleteFrom('ranking_reads').where('reader_id', '=', readerId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The most recent reads, for the account page and the export. */
export async function readingHistory(
  db: Db,
  readerId: number,
  limit: number,
): Promise<Array<{ articleId: number; readAt: number }>> {
  const rows = await db
    .selectFrom('ranking_reads')
    .select(['article_id', 'read_at'])
    .where('reader_id', '=', readerId)
    .orderBy('read_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: Number(r.article_id), readAt: Number(r.read_at) }));
}
