// View counting and reading history for rankings and the "for you" home order (src/ranking).
// Types in src/ranking/tables.ts.
import type { Kysely } from 'kysely';
import { TIME } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // One salt per Seoul day; yesterday's is deleted once today's exists, so a visitor hash cannot be
  // recomputed (or linked across days) afterwards.
  await db.schema
    .createTable('ranking_salts')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();

  // "Counted already today": one row per (day, visitor hash, article). The primary key is what makes
  // a view count once across processes (insert-or-ignore); rows of past days are pruned.
  await db.schema
    .createTable('ranking_view_seen')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('ranking_view_seen_pk', ['day', 'visitor', 'article_id'])
    .execute();

  // Views per article per hour (epoch hour number). Rankings read a window of hours, so their cost
  // follows the window, never the archive.
  await db.schema
    .createTable('ranking_view_hours')
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('press_id', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ranking_view_hours_pk', ['hour', 'article_id'])
    .execute();
  await db.schema
    .createIndex('ranking_view_hours_press')
    .on('ranking_view_hours')
    .columns(['press_id', 'hour'])
    .execute();
  await db.schema
    .createIndex('ranking_view_hours_article')
    .on('ranking_view_hours')
    .columns(['article_id', 'hour'])
    .execute();

  // A signed-in reader's reading history (what "for you" learns from; exported and deleted with the
  // account, reset from /account).
  await db.schema
    .createTable('ranking_reads')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('read_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('ranking_reads_pk', ['reader_id', 'article_id'])
    .execute();
  await db.schema.createIndex('ranking_reads_recent').on('ranking_reads').columns(['reader_id', 'read_at']).execute();

  // A reader's choices: personalisation off (1 = on, the default when there is no row).
  await db.schema
    .createTable('ranking_reader_settings')
    .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
    .addColumn('personalised', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
}
