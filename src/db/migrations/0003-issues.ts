// Tables of the issues capability (see src/issues/tables.ts for their types).
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not the current Database type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('issues'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('auto_name', 'text', (c) => c.notNull())
    .addColumn('editor_name', 'text')
    .addColumn('lead_article_id', 'integer')
    .addColumn('pinned_article_id', 'integer')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('curated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'integer')
    .addColumn('category_id', 'integer')
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('press_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_at', TIME, (c) => c.notNull())
    .addColumn('last_at', TIME, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('centroid', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('issues_visible_recent').on('issues').columns(['visible', 'last_at']).execute();
  await db.schema.createIndex('issues_live').on('issues').columns(['merged_into', 'last_at']).execute();

  await db.schema
    .createTable('issue_articles')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('press_id', 'integer', (c) => c.notNull())
    .addColumn('published_at', TIME, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vector', 'text', (c) => c.notNull())
    .addColumn('assigned_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_articles_timeline')
    .on('issue_articles')
    .columns(['issue_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('issue_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('weight', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_terms_pk', ['term', 'issue_id'])
    .execute();
  await db.schema.createIndex('issue_terms_by_issue').on('issue_terms').column('issue_id').execute();

  await db.schema
    .createTable('issue_exclusions')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('issue_exclusions_pk', ['article_id', 'issue_id'])
    .execute();

  await withId(db.schema.createTable('issue_decisions'), dialect)
    .addColumn('issue_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('other_issue_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('detail', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_decisions_by_issue')
    .on('issue_decisions')
    .columns(['issue_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('issue_df')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('issue_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('issue_state').values({ id: 1, docs: 0, seq: 0 }).execute();
}
