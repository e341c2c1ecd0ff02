// Reader accounts (src/readers/tables.ts has their types): the account, its single-use e-mail
// tokens (stored as SHA-256 digests) and the OpenID Connect identities linked to it.
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('readers'), dialect)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified_at', TIME)
    // Null for a reader who only ever signed in through an identity provider.
    .addColumn('password_hash', 'text')
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('nickname_key', 'text', (c) => c.notNull().unique())
    .addColumn('nickname_changed_at', TIME)
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ko'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Seoul'))
    .addColumn('terms_accepted_at', TIME, (c) => c.notNull())
    .addColumn('suspended_at', TIME)
    .addColumn('suspended_reason', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('readers_created').on('readers').columns(['created_at']).execute();

  await db.schema
    .createTable('reader_tokens')
    .addColumn('digest', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    // The address a verify_email token proves (a changed address is only taken once proven).
    .addColumn('email', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
  await db.schema.createIndex('reader_tokens_reader').on('reader_tokens').columns(['reader_id', 'purpose']).execute();

  await db.schema
    .createTable('reader_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('reader_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('reader_identities_reader').on('reader_identities').columns(['reader_id']).execute();
}
