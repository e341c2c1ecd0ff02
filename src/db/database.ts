// Opens the database chosen by the configuration: PostgreSQL when DATABASE_URL is set, else SQLite.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { WriteGate } from './write-gate.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL connection pool (metrics read its use); absent on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (COUNT(*), epoch-millisecond columns) would otherwise arrive as strings;
// every value we store fits in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests isolate themselves in a schema of their own). */
  pgSchema?: string;
  poolSize?: number;
  /** Called with every query's SQL and parameters (query-plan tests; never in production). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /** SQLite: the gate this connection's writes pass, shared with the process's other threads. */
  writeGate?: WriteGate;
}

export function openDatabase(options: OpenOptions): DbHandle {
  const log = options.onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query') options.onQuery!(event.query.sql, event.query.parameters);
      }
    : undefined;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema, options.poolSize, log);
  return openSqlite(options.sqlitePath ?? ':memory:', log, options.writeGate);
}

function openSqlite(file: string, log?: (event: LogEvent) => void, gate?: WriteGate): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers (page renders) proceed while the writer commits; NORMAL sync is durable
  // across process crashes (kill -9), which is what a 201 promises.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  keepStatistics(sqlite);
  cacheStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, gate), log });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** How often a long-lived connection refreshes the planner's statistics. */
const OPTIMIZE_EVERY_MS = 3_600_000;

/**
 * SQLite keeps no statistics unless asked, and without them its planner may walk the status
 * index of a million articles where another index reads twenty rows (a front page 140 ms instead
 * of 9 at 1M stored). As SQLite advises for long-lived connections: analyse what lacks statistics
 * on open and refresh what changed much every hour, each bounded by analysis_limit (about 60 ms
 * for a million articles, so the event loop is never held long). An explicit ANALYZE (an
 * operator's, a test's) stays complete. PostgreSQL's autovacuum does this on its own.
 */
function keepStatistics(sqlite: SQLite.Database): void {
  const optimize = (mask: string) => {
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma(`optimize${mask}`);
    sqlite.pragma('analysis_limit = 0');
  };
  optimize(' = 0x10002');
  const timer = setInterval(() => {
    if (sqlite.open) optimize('');
    else clearInterval(timer);
  }, OPTIMIZE_EVERY_MS);
  timer.unref();
}

/**
 * Transactions start with BEGIN IMMEDIATE, which takes the write lock at once (waiting up to
 * busy_timeout for it). Kysely's plain BEGIN is deferred: a transaction that reads first and then
 * writes must upgrade its lock, and in WAL mode SQLite refuses that upgrade with SQLITE_BUSY at
 * once, without waiting, when another process (`sosik feeds poll` from cron next to `sosik serve`)
 * committed in between. Every transaction we run writes, so taking the lock up front costs nothing.
 *
 * With a write gate (`sosik serve`'s web and job threads share one, write-gate.ts) every write
 * passes it first: a transaction from its BEGIN to its end, a statement outside a transaction that
 * is not read-only for its own run. Reads never wait for it (WAL).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  readonly #gate: WriteGate | undefined;
  readonly #sqlite: SQLite.Database;
  constructor(sqlite: SQLite.Database, gate?: WriteGate) {
    const config = { database: sqlite };
    super(config);
    this.#config = config;
    this.#gate = gate;
    this.#sqlite = sqlite;
  }
  override createDriver(): SqliteDriver {
    const gate = this.#gate;
    const sqlite = this.#sqlite;
    return new (class extends SqliteDriver {
      #inTransaction = false;
      #gated: DatabaseConnection | undefined;
      override async acquireConnection(): Promise<DatabaseConnection> {
        const connection = await super.acquireConnection();
        if (!gate) return connection;
        this.#gated ??= {
          executeQuery: async (query) => {
            if (this.#inTransaction || sqlite.prepare(query.sql).readonly) return connection.executeQuery(query);
            await gate.acquire();
            try {
              return await connection.executeQuery(query);
            } finally {
              gate.release();
            }
          },
          streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
        };
        return this.#gated;
      }
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await gate?.acquire();
        // Set first: BEGIN IMMEDIATE is itself a write (not read-only), and the gate is already held.
        this.#inTransaction = true;
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        } catch (err) {
          this.#endTransaction();
          throw err;
        }
      }
      override async commitTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('commit'));
        this.#endTransaction();
      }
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        try {
          await connection.executeQuery(CompiledQuery.raw('rollback'));
        } finally {
          this.#endTransaction();
        }
      }
      #endTransaction(): void {
        // A failed COMMIT is followed by Kysely's ROLLBACK: the gate is released once, by whichever ends it.
        if (!this.#inTransaction) return;
        this.#inTransaction = false;
        gate?.release();
      }
    })(this.#config);
  }
}

/**
 * Kysely prepares a new statement for every query; on page renders that preparation was about half
 * of the database time. Statements are reused by SQL text (parameters stay bound per call). Safe
 * because better-sqlite3 runs each statement to completion synchronously and we never stream.
 */
function cacheStatements(sqlite: SQLite.Database, max = 1000): void {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

function openPostgres(
  url: string,
  schema: string | undefined,
  poolSize = 10,
  log?: (event: LogEvent) => void,
): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  return { db, dialect: 'postgres', pool, close: () => db.destroy() };
}
