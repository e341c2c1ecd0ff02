// What posting a comment writes and what reading a thread reads, tuned together. Reads: each
// sort of a thread (thread-store.ts) walks an index in its own order and stops at the page's
// end, a parent's first replies are a bounded walk, and the thread's counts read one index (no
// table rows); test/comments/thread-plans.test.ts checks the plans. Writes: SQLite writes every
// page a commit touched to the WAL, so a top-level comment touches no reply index (and a reply no
// top-level one), and on SQLite a reader's limit counters share a page (a table clustered by
// reader, WITHOUT ROWID) instead of one page per counter plus one of the key's index.
import { type Kysely, sql } from 'kysely';
import { TIME } from '../columns.ts';
import type { Dialect } from '../database.ts';

/** The "like ratio" sort key; thread-store.ts orders by exactly this expression. */
const RATIO = sql`(case when likes + dislikes = 0 then 0 else likes * 1.0 / (likes + dislikes) end)`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Top-level comments only (partial indexes): PostgreSQL takes the order of an index only after
  // columns fixed by equality, and "parent_id is null" is not one.
  const topLevel = (name: string, ...columns: string[]) =>
    db.schema
      .createIndex(name)
      .on('comments')
      .columns(['article_id', ...columns])
      .where('parent_id', 'is', null)
      .execute();
  await topLevel('comments_top_popular', 'wilson', 'likes', 'id');
  await topLevel('comments_top_replies', 'reply_count', 'id');
  await sql`create index comments_top_ratio on comments (article_id, ${RATIO}, likes, id) where parent_id is null`.execute(
    db,
  );
  // A parent's replies in order, so the first ones shown are a bounded walk.
  await db.schema
    .createIndex('comments_replies')
    .on('comments')
    .columns(['parent_id', 'id'])
    .where('parent_id', 'is not', null)
    .execute();
  // Newest and oldest (ordered by parent_id too, which is null for all of them, so that
  // PostgreSQL sees the index's order), and everything the counts and the visibility rule read,
  // so counting is an index-only scan: one index, one page less to write per comment.
  await db.schema
    .createIndex('comments_thread')
    .on('comments')
    .columns(['article_id', 'parent_id', 'id', 'status', 'reply_count', 'reader_id'])
    .execute();
  // Superseded: every query that used them reads a prefix of the indexes above.
  await db.schema.dropIndex('comments_article_popular').execute();
  await db.schema.dropIndex('comments_article').execute();
  await db.schema.dropIndex('comments_parent').execute();
  if (dialect === 'sqlite') await clusterCountersByReader(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
async function clusterCountersByReader(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_counters_by_reader')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_counters_pk', ['reader_id', 'bucket'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into comment_counters_by_reader (reader_id, bucket, count, last_at)
    select reader_id, bucket, count, last_at from comment_counters`.execute(db);
  await db.schema.dropTable('comment_counters').execute();
  await db.schema.alterTable('comment_counters_by_reader').renameTo('comment_counters').execute();
}
