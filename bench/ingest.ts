// `npm run bench:ingest`: articles per second from a generated 10,000-item feed through parse,
// sanitise and store, on SQLite and PostgreSQL, with the time split by stage. A second pass over
// the same feed measures a re-poll (every item already stored and unchanged).
//   BENCH_ITEMS=2000 npm run bench:ingest     smaller run
//   SOSIK_TEST_PG_URL=postgres://…            PostgreSQL to use (default: the test server)
import { REGISTRY } from '../src/app.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { ingestArticle } from '../src/articles/ingest.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type DbHandle, type Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { itemToArticleInput } from '../src/feeds/item-to-article.ts';
import { decodeFeedBytes } from '../src/feeds/parse/decode.ts';
import { parseFeedText } from '../src/feeds/parse/parse-feed.ts';
import { sanitizePressHtml } from '../src/html/sanitize.ts';
import { generateFeed } from './ingest-feed-file.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function openBenchDb(dialect: Dialect, dir: string): Promise<{ handle: DbHandle; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ sqlitePath: path.join(dir, 'bench.db') });
    await migrateToLatest(handle);
    return { handle, drop: () => handle.close() };
  }
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 });
  await migrateToLatest(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

interface StageTimes {
  parseMs: number;
  sanitiseMs: number;
  storeMs: number;
  repollMs: number;
  articles: number;
}

async function run(dialect: Dialect, bytes: Buffer, dir: string): Promise<StageTimes> {
  const { handle, drop } = await openBenchDb(dialect, dir);
  try {
    const deps: AppDeps = { db: handle.db, dialect, config: loadConfig({}, { demo: false }), log: pino({ level: 'silent' }), nudgeJobs: () => {}, registry: REGISTRY };
    const press = await handle.db.insertInto('presses').values({ slug: 'bench', name: '벤치마크 일보', created_at: Date.now() }).returning('id').executeTakeFirstOrThrow();

    let t = process.hrtime.bigint();
    const parsed = parseFeedText(decodeFeedBytes(bytes, 'application/rss+xml').text, { baseUrl: 'https://press.example/rss' });
    const inputs = parsed.items.map((item) => itemToArticleInput(item, parsed));
    const parseMs = ms(t);

    // Sanitising happens inside ingest; timed here on its own so the store share can be told apart.
    t = process.hrtime.bigint();
    for (const input of inputs) sanitizePressHtml(input.bodyHtml);
    const sanitiseMs = ms(t);

    t = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) {
      await ingestArticle(deps, { pressId: press.id, source: 'feed', input: inputs[i]!, original: parsed.items[i]!.raw });
    }
    const storeMs = ms(t) - sanitiseMs;

    t = process.hrtime.bigint();
    let changed = 0;
    for (let i = 0; i < inputs.length; i++) {
      const r = await ingestArticle(deps, { pressId: press.id, source: 'feed', input: inputs[i]!, original: parsed.items[i]!.raw });
      if (r.changed) changed++;
    }
    const repollMs = ms(t);
    if (changed !== 0) throw new Error(`re-poll changed ${changed} articles; expected none`);
    const stored = await handle.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== ITEMS) throw new Error(`stored ${stored.n} articles, expected ${ITEMS}`);
    return { parseMs, sanitiseMs, storeMs, repollMs, articles: Number(stored.n) };
  } finally {
    await drop();
  }
}

function report(dialect: string, r: StageTimes): void {
  const total = r.parseMs + r.sanitiseMs + r.storeMs;
  const pct = (x: number) => `${((100 * x) / total).toFixed(0)}%`;
  console.log(
    `${dialect.padEnd(9)} ${(r.articles / (total / 1000)).toFixed(0).padStart(6)} articles/s  ` +
      `(total ${(total / 1000).toFixed(2)} s: parse ${r.parseMs.toFixed(0)} ms ${pct(r.parseMs)}, ` +
      `sanitise ${r.sanitiseMs.toFixed(0)} ms ${pct(r.sanitiseMs)}, store ${r.storeMs.toFixed(0)} ms ${pct(r.storeMs)}); ` +
      `re-poll of unchanged items ${(r.articles / (r.repollMs / 1000)).toFixed(0)} items/s`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-ingest-'));
try {
  const feed = Buffer.from(generateFeed(ITEMS));
  fs.writeFileSync(path.join(dir, 'feed.xml'), feed);
  console.log(`feed: ${ITEMS} items, ${(feed.length / 1024 / 1024).toFixed(1)} MB (RSS 2.0, content:encoded, media:content)`);
  const results: Array<[Dialect, StageTimes]> = [['sqlite', await run('sqlite', feed, dir)]];
  report('sqlite', results[0]![1]);
  if (await pgReachable()) {
    const r = await run('postgres', feed, dir);
    results.push(['postgres', r]);
    report('postgres', r);
    const rate = (x: StageTimes) => x.articles / ((x.parseMs + x.sanitiseMs + x.storeMs) / 1000);
    console.log(`postgres / sqlite throughput ratio: ${(rate(r) / rate(results[0]![1])).toFixed(2)}`);
  } else {
    console.log(`postgres: skipped (no server at ${PG_URL})`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
