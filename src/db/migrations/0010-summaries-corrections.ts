// Automatic summaries stored with the revision they were computed from, the press's switch that
// turns them off, and what marks an article 속보 (breaking): the press's ninjs urgency and a
// staff member's flag, folded into one indexed time the site banner reads.
import type { Kysely } from 'kysely';
import { TIME } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('article_summaries')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    // JSON string[] of the chosen sentences, or null with `reason` saying why none is shown.
    .addColumn('sentences', 'text')
    .addColumn('reason', 'text')
    .addColumn('computed_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_summaries_pk', ['article_id', 'revision'])
    .execute();

  await db.schema
    .createTable('summary_press_settings')
    .addColumn('press_id', 'integer', (c) => c.primaryKey().references('presses.id').onDelete('cascade'))
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();

  // ninjs urgency (1 most urgent … 9), as the press last sent it.
  await db.schema.alterTable('articles').addColumn('urgency', 'integer').execute();
  // When a staff member flagged the article 속보 (null: not flagged).
  await db.schema.alterTable('articles').addColumn('breaking_flagged_at', TIME).execute();
  // When the article became 속보 by either route (null: it is not); the banner's one query.
  await db.schema.alterTable('articles').addColumn('breaking_at', TIME).execute();
  await db.schema.createIndex('articles_breaking').on('articles').column('breaking_at').execute();
}
