// Test databases: every store test runs against real SQLite and real PostgreSQL.
// PostgreSQL tests isolate themselves in a fresh schema; they skip with a reason when no server
// answers, unless SOSIK_REQUIRE_PG=1 (CI), where an absent server fails the run.
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle, type Dialect, type OpenOptions } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const TEST_PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | undefined;
function probePostgres(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (err) {
      if (process.env.SOSIK_REQUIRE_PG === '1') {
        throw new Error(`PostgreSQL is required (SOSIK_REQUIRE_PG=1) but ${TEST_PG_URL} is unreachable`, {
          cause: err,
        });
      }
      console.warn(`skipping PostgreSQL tests: no server at ${TEST_PG_URL}`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

/** Dialects to run store tests on: always sqlite, postgres when reachable (or required). */
export async function testDialects(): Promise<Dialect[]> {
  return (await probePostgres()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb extends DbHandle {
  /** Closes the database (PostgreSQL test schemas are dropped after the whole run). */
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given dialect. */
export async function createTestDb(
  dialect: Dialect,
  opts: { sqlitePath?: string; onQuery?: OpenOptions['onQuery'] } = {},
): Promise<TestDb & { schema?: string }> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ sqlitePath: opts.sqlitePath ?? ':memory:', onQuery: opts.onQuery });
    await migrateToLatest(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4, onQuery: opts.onQuery });
  await migrateToLatest(handle);
  // The schema itself is dropped by the global teardown (test/helpers/global-setup.ts), not here.
  return { ...handle, schema, dispose: () => handle.close() };
}

/** The URL + schema a child process (e.g. a crash test) can use to reach the same PostgreSQL test schema. */
export function pgUrlWithSchema(schema: string): string {
  return `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
