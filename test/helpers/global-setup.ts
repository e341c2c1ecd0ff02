// Drops the PostgreSQL schemas test files create, before the run and after it. Tests never drop
// their own schema mid-run: a DROP SCHEMA racing another file's catalog introspection (Kysely's
// migrator lists every schema's tables) made that introspection fail with "schema does not exist".
import pg from 'pg';
import { TEST_PG_URL } from './databases.ts';

export const TEST_SCHEMA_PREFIXES = ['t_', 'crash_'];

async function dropTestSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return; // no server: the PostgreSQL suites skip (or fail, when required) on their own
  }
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where ${TEST_SCHEMA_PREFIXES.map((_, i) => `nspname like $${i + 1}`).join(' or ')}`,
      TEST_SCHEMA_PREFIXES.map((p) => `${p.replace('_', '\\_')}%`),
    );
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
