// Tables of the feeds capability (see src/feeds/tables.ts for their types).
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not the current Database type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('feeds'), dialect)
    .addColumn('press_id', 'integer', (c) => c.notNull().references('presses.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_poll_at', TIME, (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_polled_at', TIME)
    .addColumn('last_success_at', TIME)
    .addColumn('last_error_code', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', TIME)
    .addColumn('items_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_seen_last', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('feeds_press_url', ['press_id', 'url'])
    .execute();
  await db.schema.createIndex('feeds_due').on('feeds').columns(['enabled', 'next_poll_at']).execute();
  // Feed items are matched to stored articles by uri OR link (the same story may arrive by API with
  // its own uri and by feed with only the link in common); without this index that OR scans every
  // article of the press on each ingested item.
  await db.schema.createIndex('articles_press_link').on('articles').columns(['press_id', 'link']).execute();
}
