// Helpers shared by bench/search.ts and bench/eval-search.ts: throwaway databases on SQLite and
// PostgreSQL, bulk article insertion, and latency statistics.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle, type Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
export const SHARED_DIR = path.resolve(PROJECT_ROOT, '../shared');
export const BENCH_PG_URL =
  process.env.SOSIK_BENCH_PG_URL ?? process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchDb extends DbHandle {
  /** Bytes on disk used by the database (SQLite file or PostgreSQL schema relations). */
  sizeBytes(): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * A fresh migrated database: a temp SQLite file, or a PostgreSQL schema dropped on dispose. With
 * `keptSchema` (PostgreSQL), that schema is used and kept: made if missing, reused if there.
 */
export async function createBenchDb(dialect: Dialect, keptSchema?: string): Promise<BenchDb> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-'));
    const file = path.join(dir, 'bench.db');
    const handle = openDatabase({ sqlitePath: file });
    await migrateToLatest(handle);
    return {
      ...handle,
      async sizeBytes() {
        return fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
      },
      async dispose() {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (keptSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keptSchema))
    throw new Error(`bad schema name ${keptSchema}`);
  const schema = keptSchema ?? `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_PG_URL });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  const handle = openDatabase({ databaseUrl: BENCH_PG_URL, pgSchema: schema, poolSize: 4 });
  await migrateToLatest(handle);
  return {
    ...handle,
    async sizeBytes() {
      const r = await admin.query(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as n from pg_class c
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'm')`,
        [schema],
      );
      return Number(r.rows[0].n);
    },
    async dispose() {
      await handle.close();
      if (keptSchema === undefined) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export interface BenchArticle {
  headline: string;
  body: string;
  publishedAt: number;
  pressIndex?: number;
  categoryIds?: number[];
}

/** Inserts presses and articles directly (the ingest pipeline is not what is being measured). */
export async function insertArticles(handle: DbHandle, articles: BenchArticle[], pressCount = 1): Promise<number[]> {
  const { db } = handle;
  const now = Date.now();
  const existing = await db.selectFrom('presses').select('id').orderBy('id').execute();
  const pressIds = existing.map((p) => p.id);
  for (let i = pressIds.length; i < pressCount; i++) {
    const row = await db
      .insertInto('presses')
      .values({
        slug: `press-${i + 1}`,
        name: `언론사 ${i + 1}`,
        name_en: `Press ${i + 1}`,
        homepage: null,
        description: null,
        description_en: null,
        copyright: null,
        api_key_hash: null,
        api_key_prefix: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    pressIds.push(row.id);
  }
  const ids: number[] = [];
  const batch = 500;
  for (let i = 0; i < articles.length; i += batch) {
    await db.transaction().execute(async (trx) => {
      const rows = articles.slice(i, i + batch).map((a, j) => ({
        press_id: pressIds[(a.pressIndex ?? 0) % pressIds.length],
        uri: `bench:${i + j}:${crypto.randomBytes(4).toString('hex')}`,
        headline: a.headline,
        subheadline: null,
        series: null,
        body_html: '',
        body_text: a.body,
        summary: a.body.slice(0, 160),
        lang: 'ko',
        bylines: '[]',
        keywords: '[]',
        copyright: null,
        link: null,
        status: 'usable' as const,
        source: 'demo' as const,
        revision: 1,
        first_created_at: a.publishedAt,
        updated_at: a.publishedAt,
        received_at: a.publishedAt,
        withdrawn_at: null,
      }));
      const inserted = await trx.insertInto('articles').values(rows).returning('id').execute();
      ids.push(...inserted.map((r) => r.id));
      const cats = articles
        .slice(i, i + batch)
        .flatMap((a, j) => (a.categoryIds ?? []).map((c) => ({ article_id: inserted[j].id, category_id: c })));
      if (cats.length) await trx.insertInto('article_categories').values(cats).execute();
    });
  }
  return ids;
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export function latencySummary(samples: number[]): { p50: number; p95: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export function fmtMs(ms: number): string {
  return Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) : '-';
}
