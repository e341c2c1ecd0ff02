// Reporters (bylines made people), reader subscriptions and what follows from them: My news state,
// hidden presses, private feed tokens, digest schedules, and the view counts rankings read.
// Types in src/reporters/tables.ts and src/subscriptions/tables.ts.
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('reporters'), dialect)
    .addColumn('press_id', 'integer', (c) => c.notNull().references('presses.id').onDelete('cascade'))
    // 'id:<press's own id>' when the press names one, else 'name:<name>|<e-mail>' (reporters/identity.ts).
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    // Set by press staff in /studio; shown instead of the byline's name.
    .addColumn('display_name', 'text')
    // A merged reporter points at the one it was merged into; its identity keeps resolving there.
    .addColumn('merged_into', 'integer')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('reporters_press_identity', ['press_id', 'identity'])
    .execute();

  await db.schema
    .createTable('article_reporters')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('reporters.id').onDelete('cascade'))
    .addColumn('published_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_reporters_pk', ['article_id', 'position'])
    .execute();
  await db.schema
    .createIndex('article_reporters_timeline')
    .on('article_reporters')
    .columns(['reporter_id', 'published_at'])
    .execute();

  await withId(db.schema.createTable('subscriptions'), dialect)
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    // press | reporter | issue | category | keyword
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer')
    // For a keyword alert: the saved search as typed (normalised for uniqueness in target_key).
    .addColumn('query', 'text')
    .addColumn('target_key', 'text', (c) => c.notNull())
    // none | immediate (an e-mail per new article) | digest (in the reader's daily or weekly digest)
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo('digest'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('subscriptions_once', ['reader_id', 'kind', 'target_key'])
    .execute();
  await db.schema.createIndex('subscriptions_target').on('subscriptions').columns(['kind', 'target_id']).execute();

  await db.schema
    .createTable('reader_hidden_presses')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('press_id', 'integer', (c) => c.notNull().references('presses.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('reader_hidden_presses_pk', ['reader_id', 'press_id'])
    .execute();

  await db.schema
    .createTable('reader_news')
    .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
    // When the reader last opened /my: what came after is "new".
    .addColumn('last_visit_at', TIME, (c) => c.notNull())
    // off | daily | weekly
    .addColumn('digest', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('digest_hour', 'integer', (c) => c.notNull().defaultTo(7))
    // 0 = Sunday … 6 = Saturday (weekly digests).
    .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_digest_at', TIME)
    .addColumn('last_digest_at', TIME)
    .execute();
  await db.schema.createIndex('reader_news_digest_due').on('reader_news').columns(['next_digest_at']).execute();

  await db.schema
    .createTable('reader_feed_tokens')
    // sha256 of the token in the feed's URL.
    .addColumn('digest', 'text', (c) => c.primaryKey())
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('revoked_at', TIME)
    .execute();
  // Subscription mail carries a one-click unsubscribe address (RFC 8058); account mail leaves it null.
  await db.schema.alterTable('mail_messages').addColumn('list_unsubscribe', 'text').execute();

  await db.schema.createIndex('reader_feed_tokens_reader').on('reader_feed_tokens').columns(['reader_id']).execute();
}
