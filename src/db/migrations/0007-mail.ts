// Tables of the mail module (see src/mail/tables.ts for their types).
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: typed against no fixed schema
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('mail_messages'), dialect)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transport', 'text')
    .addColumn('last_response', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('sent_at', TIME)
    .execute();
  // The admin outbox lists newest first.
  await db.schema.createIndex('mail_messages_created').on('mail_messages').columns(['created_at']).execute();
}
