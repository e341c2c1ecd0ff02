// Server secrets shared by every web process (e.g. the key that signs anonymous CSRF tokens).
// Generated on first use, never configured by hand, so a fresh install is secure by default.
import type { Kysely } from 'kysely';
import { TIME } from '../columns.ts';

// biome-ignore lint/suspicious/noExplicitAny: typed against no fixed schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
}
