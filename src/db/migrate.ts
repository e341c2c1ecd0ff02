// Applies the one migration set to SQLite or PostgreSQL. Migrations are ordered by name.
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle, Dialect } from './database.ts';
import * as spine from './migrations/0001-spine.ts';
import * as feeds from './migrations/0002-feeds.ts';
import * as issues from './migrations/0003-issues.ts';
import * as search from './migrations/0004-search.ts';
import * as sessionPrincipals from './migrations/0005-session-principals.ts';
import * as secrets from './migrations/0006-secrets.ts';
import * as mail from './migrations/0007-mail.ts';
import * as archiveIndexes from './migrations/0008-archive-indexes.ts';
import * as readers from './migrations/0009-readers.ts';
import * as pressDirectory from './migrations/0011-press-directory.ts';
import * as searchStatsShards from './migrations/0013-search-stats-shards.ts';
import * as summariesCorrections from './migrations/0010-summaries-corrections.ts';
import * as subscriptions from './migrations/0015-subscriptions.ts';
import * as comments from './migrations/0014-comments.ts';
import * as ranking from './migrations/0016-ranking.ts';
import * as commentReplyMail from './migrations/0018-comment-reply-mail.ts';
import * as commentThreadIndexes from './migrations/0019-comment-thread-indexes.ts';
import * as breakingIndex from './migrations/0020-breaking-index.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations take a Kysely of any schema (see the migration files)
type Up = (db: any, dialect: Dialect) => Promise<void>;
const MIGRATIONS: Record<string, { up: Up }> = {
  '0001-spine': spine,
  '0002-feeds': feeds,
  '0003-issues': issues,
  '0004-search': search,
  '0005-session-principals': sessionPrincipals,
  '0006-secrets': secrets,
  '0007-mail': mail,
  '0008-archive-indexes': archiveIndexes,
  '0009-readers': readers,
  '0011-press-directory': pressDirectory,
  '0013-search-stats-shards': searchStatsShards,
  '0010-summaries-corrections': summariesCorrections,
  '0015-subscriptions': subscriptions,
  '0014-comments': comments,
  '0016-ranking': ranking,
  '0018-comment-reply-mail': commentReplyMail,
  '0019-comment-thread-indexes': commentThreadIndexes,
  '0020-breaking-index': breakingIndex,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, this.dialect) };
    return out;
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; name ours, or a table of the same name
  // in another schema (parallel test schemas) is taken for ours and the migration fails.
  const migrationTableSchema =
    handle.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
