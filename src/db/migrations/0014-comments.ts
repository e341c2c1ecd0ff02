// Comments (src/comments/tables.ts has their types): comments and one level of replies, votes,
// every moderation decision with its phase and evidence, per-reader counters that enforce the
// posting limits atomically, reports and fold requests, bans, reader preferences, article windows
// and category rules, article reactions, reply notifications and the moderators' log.
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('comments'), dialect)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    // Null once the author deleted their account (the comment stays, anonymised, if it has replies).
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    // What readers see (masked when the profanity phase masked it); `original` is what was written.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('original', 'text', (c) => c.notNull())
    // Normalised text for the repeated-text phase.
    .addColumn('body_key', 'text', (c) => c.notNull())
    // published | held | rejected | deleted_author | deleted_moderator
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_phase', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dislikes', 'integer', (c) => c.notNull().defaultTo(0))
    // Wilson lower bound of likes / votes, kept with the counts so "popular" is an index scan.
    .addColumn('wilson', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fold_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('appealed_at', TIME)
    .addColumn('appeal_text', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_article')
    .on('comments')
    .columns(['article_id', 'parent_id', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_article_popular').on('comments').columns(['article_id', 'wilson']).execute();
  await db.schema.createIndex('comments_reader').on('comments').columns(['reader_id', 'created_at']).execute();
  await db.schema.createIndex('comments_status').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id']).execute();

  await db.schema
    .createTable('comment_votes')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    // 1 공감, -1 비공감
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_votes_pk', ['comment_id', 'reader_id'])
    .execute();
  await db.schema.createIndex('comment_votes_reader').on('comment_votes').columns(['reader_id']).execute();

  await withId(db.schema.createTable('comment_decisions'), dialect)
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    // pass | mask | hold | reject | approve | appeal
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    // Null: the pipeline; else the staff member who decided.
    .addColumn('staff_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_decisions_comment').on('comment_decisions').columns(['comment_id']).execute();

  // One row per reader and counter ("day:2026-12-01", "article:42"…): the limits are one upsert each.
  await db.schema
    .createTable('comment_counters')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_counters_pk', ['reader_id', 'bucket'])
    .execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    // report | fold
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('resolved_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reader_id', 'kind'])
    .execute();

  await db.schema
    .createTable('comment_bans')
    .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
    // Null: until lifted.
    .addColumn('until', TIME)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_reader_prefs')
    .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
    .addColumn('show_flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('comment_hidden_authors')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_hidden_authors_pk', ['reader_id', 'author_id'])
    .execute();

  await db.schema
    .createTable('comment_article_settings')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('closed_at', TIME)
    .addColumn('staff_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('comment_category_rules')
    .addColumn('category_id', 'integer', (c) => c.primaryKey().references('categories.id').onDelete('cascade'))
    // none | all | first
    .addColumn('premoderation', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('premoderate_first', 'integer', (c) => c.notNull().defaultTo(0))
    // Comments open only this many hours after publication (null: always).
    .addColumn('open_hours', 'integer')
    // Closed from night_from to night_to o'clock, Korean time (null: never).
    .addColumn('night_from', 'integer')
    .addColumn('night_to', 'integer')
    .execute();

  await db.schema
    .createTable('article_reactions')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_reactions_pk', ['article_id', 'reader_id', 'reaction'])
    .execute();
  await db.schema.createIndex('article_reactions_reader').on('article_reactions').columns(['reader_id']).execute();

  await withId(db.schema.createTable('comment_notifications'), dialect)
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('read_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_notifications_reader')
    .on('comment_notifications')
    .columns(['reader_id', 'created_at'])
    .execute();

  await withId(db.schema.createTable('comment_moderation_log'), dialect)
    .addColumn('staff_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_moderation_log_time')
    .on('comment_moderation_log')
    .columns(['created_at'])
    .execute();
}
