// The job-path part of the issues benchmark: the real assignArticles on SQLite or PostgreSQL.
// Articles are inserted straight into the table (ingest has its own benchmark); they are then
// assigned as the `issues.assign` job's runBatch does, one transaction per slice of 32
// (BENCH_ASSIGN_SLICE=1: one transaction per article, as before batching). PostgreSQL gets a
// database of its own on the server of SOSIK_TEST_PG_URL, dropped afterwards.
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, type Dialect, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { assignArticles } from '../src/issues/assign.ts';
import { discardEngine } from '../src/issues/engine-cache.ts';
import { syntheticArticles } from './issues-generator.ts';

const SLICE = Number(process.env.BENCH_ASSIGN_SLICE ?? 32);
const PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pgAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function openBenchDb(dialect: Dialect, dir: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (dialect === 'sqlite')
    return { handle: openDatabase({ sqlitePath: path.join(dir, 'bench.db') }), drop: async () => {} };
  const name = `bench_issues_${crypto.randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    handle: openDatabase({ databaseUrl: url.href, poolSize: 2 }),
    drop: () => pgAdmin(`drop database if exists ${name} with (force)`),
  };
}

export interface JobPathRow {
  size: number;
  /** Articles assigned per CPU-second of this process (the database server's CPU not included). */
  perSec: number;
  msPer: number;
  /** Articles per second of wall clock, which on PostgreSQL includes the server's work. */
  wallPerSec: number;
}

export async function benchJobPath(
  dialect: Dialect,
  dir: string,
  sizes: number[],
  window: number,
  sample: () => void,
): Promise<JobPathRow[]> {
  const { handle, drop } = await openBenchDb(dialect, dir);
  try {
    return await run(handle, sizes, window, sample);
  } finally {
    discardEngine(handle.db);
    await handle.close();
    await drop();
  }
}

async function run(handle: DbHandle, sizes: number[], window: number, sample: () => void): Promise<JobPathRow[]> {
  await migrateToLatest(handle);
  const { db } = handle;
  const deps = { db, dialect: handle.dialect, config: loadConfig({}, { demo: false }) };
  const presses = await db
    .insertInto('presses')
    .values(Array.from({ length: 60 }, (_, i) => ({ slug: `p${i}`, name: `언론사${i}`, created_at: 0 })))
    .returning('id')
    .execute();
  const stream = syntheticArticles({ seed: 11 });
  let done = 0;
  const addAndAssign = async (n: number) => {
    const batch = Array.from({ length: n }, () => stream.next().value!);
    const ids = await db
      .insertInto('articles')
      .values(
        batch.map((a, i) => ({
          press_id: presses[a.press]!.id,
          uri: `urn:bench:${done + i}`,
          headline: a.headline,
          body_html: '',
          body_text: a.body,
          summary: '',
          lang: 'ko',
          bylines: '[]',
          keywords: '[]',
          status: 'usable' as const,
          source: 'api' as const,
          revision: 1,
          first_created_at: Math.round(a.time),
          updated_at: Math.round(a.time),
          received_at: Math.round(a.time),
        })),
      )
      .returning('id')
      .execute();
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < ids.length; i += SLICE)
      await assignArticles(
        deps,
        ids.slice(i, i + SLICE).map((r) => r.id),
        0,
      );
    const wallMs = performance.now() - wall;
    done += n;
    sample();
    const used = process.cpuUsage(cpu);
    return { ms: (used.user + used.system) / 1000, wallMs };
  };
  const out: JobPathRow[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (done < size) await addAndAssign(Math.min(1000, size - done));
    const { ms, wallMs } = await addAndAssign(window);
    out.push({ size, perSec: (window / ms) * 1000, msPer: ms / window, wallPerSec: (window / wallMs) * 1000 });
    console.log(
      `  job (${handle.dialect}): ${size.toLocaleString()} stored → ${((window / ms) * 1000).toFixed(0)} articles per CPU-second, ${((window / wallMs) * 1000).toFixed(0)}/s wall clock`,
    );
  }
  return out;
}
