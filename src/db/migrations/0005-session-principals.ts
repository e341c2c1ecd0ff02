// Sessions belong to a principal of any kind (staff today, readers next), not only to a staff
// user: the table is rebuilt with (principal_kind, principal_id) instead of a foreign key to
// users, plus what a reader's list of sessions shows (device, last use) and whether the session
// outlives the browser ("remember me"). Existing staff sessions carry over.
import { sql, type Kysely } from 'kysely';
import { TIME } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('sessions_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('principal_kind', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'integer', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('persistent', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`insert into sessions_v2 (id, principal_kind, principal_id, csrf_token, created_at, expires_at, last_seen_at, persistent)
            select id, 'staff', user_id, csrf_token, created_at, expires_at, created_at, 1 from sessions`.execute(db);
  await db.schema.dropTable('sessions').execute();
  await db.schema.alterTable('sessions_v2').renameTo('sessions').execute();
  await db.schema
    .createIndex('sessions_principal')
    .on('sessions')
    .columns(['principal_kind', 'principal_id'])
    .execute();
}
