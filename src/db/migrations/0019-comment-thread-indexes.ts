// Indexes that keep a comment thread's page as cheap with 100,000 comments as with 10: each sort
// of the thread (thread-store.ts) walks an index in its own order and stops at the page's end,
// the thread's counts read one index (no table rows), and the repeated-text phase finds the same
// text of one reader directly. test/comments/thread-plans.test.ts checks the plans.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/** The "like ratio" sort key; thread-store.ts orders by exactly this expression. */
const RATIO = sql`(case when likes + dislikes = 0 then 0 else likes * 1.0 / (likes + dislikes) end)`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
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
  await topLevel('comments_top_id', 'id');
  await topLevel('comments_top_replies', 'reply_count', 'id');
  await sql`create index comments_top_ratio on comments (article_id, ${RATIO}, likes, id) where parent_id is null`.execute(
    db,
  );
  // A parent's replies in order, so the first ones shown are a bounded walk.
  await db.schema.createIndex('comments_replies').on('comments').columns(['parent_id', 'id']).execute();
  // Everything the counts and the visibility rule read, so counting is an index-only scan.
  await db.schema
    .createIndex('comments_thread_counts')
    .on('comments')
    .columns(['article_id', 'parent_id', 'status', 'reply_count', 'reader_id'])
    .execute();
  await db.schema
    .createIndex('comments_reader_key')
    .on('comments')
    .columns(['reader_id', 'body_key', 'created_at'])
    .execute();
  // Superseded: every query that used them reads a prefix of the indexes above.
  await db.schema.dropIndex('comments_article_popular').execute();
  await db.schema.dropIndex('comments_article').execute();
  await db.schema.dropIndex('comments_parent').execute();
}
