// Reply e-mail (issue 10): a reader's choice to be mailed about replies to their comments, and the
// state of their batch (a burst of replies becomes one message per interval). Types in
// src/comments/tables.ts.
import type { Kysely } from 'kysely';
import { TIME } from '../columns.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_reply_mail')
    .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    // Notifications up to this id have been mailed or passed over; the next message starts after it.
    .addColumn('mailed_through', 'integer', (c) => c.notNull().defaultTo(0))
    // When the pending batch is sent (a job runs then); null when no batch is waiting.
    .addColumn('due_at', TIME)
    .execute();
}
