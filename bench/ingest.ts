// `npm run bench:ingest`: what a press or an operator waits for when many articles arrive, on
// SQLite and PostgreSQL, from a generated Korean full-text feed:
//   1. bulk ingest in process (`sosik import`'s path, ingestArticles): parse, then the full path
//      (validate, sanitise, categorise, store, enqueue), by stage; a re-delivery of every item;
//   2. the follow-up jobs (search index, issue assignment…) drained by a worker, batched per kind,
//      one kind at a time: each kind's time and articles/s;
//   3. HTTP against a real `sosik serve` child process: 8 concurrent clients POSTing single articles
//      while its worker runs the jobs they cause (requests/s, p50/p99), then batches of 100 from 8
//      clients, then the time until the job queue is empty.
//   BENCH_ITEMS=2000 npm run bench:ingest      smaller run (default 10,000)
//   BENCH_HTTP_ITEMS=4000                      single POSTs in step 3 (default 2,000)
//   SOSIK_TEST_PG_URL=postgres://…             PostgreSQL server to use (default: the test server)
//   BENCH_BASELINE=/path/to/other/checkout     steps 2 and 3 also with that checkout (e.g. main), first,
//                                              on the same data: its job handlers, its `sosik serve`
//   BENCH_HTTP=0                               leave out step 3
//   BENCH_DIALECTS=sqlite                      only these databases (default sqlite,postgres)
//   BENCH_SINGLE_ONLY=1                        only step 3's single POSTs (iterating on POST latency)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { REGISTRY } from '../src/app.ts';
import type { Registry } from '../src/capability.ts';
import { ingestArticles } from '../src/articles/index.ts';
import type { ArticleInput } from '../src/articles/model.ts';
import { loadConfig } from '../src/config.ts';
import { type Db, type DbHandle, type Dialect, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { itemToArticleInput } from '../src/feeds/item-to-article.ts';
import { decodeFeedBytes } from '../src/feeds/parse/decode.ts';
import { parseFeedText } from '../src/feeds/parse/parse-feed.ts';
import { sanitizeBody } from '../src/html/sanitize-body.ts';
import { JobWorker } from '../src/jobs/worker.ts';
import { createPress } from '../src/press/index.ts';
import { generateFeed } from './ingest-feed-file.ts';
import { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASELINE = process.env.BENCH_BASELINE;

/** The other checkout's job handlers (its src/app.ts), run by this tree's worker on this tree's data. */
async function baselineRegistry(root: string): Promise<Registry> {
  const app = (await import(pathToFileURL(path.join(root, 'src/app.ts')).href)) as { REGISTRY: Registry };
  return app.REGISTRY;
}
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const HTTP_ITEMS = Number(process.env.BENCH_HTTP_ITEMS ?? 2000);
const CLIENTS = 8;
const HTTP_BATCH = 100;
const PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')}/s`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

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

interface BenchDb {
  /** What the child server is started with. */
  env: Record<string, string>;
  open(): DbHandle;
  drop(): Promise<void>;
}

async function benchDb(dialect: Dialect, dir: string): Promise<BenchDb> {
  if (dialect === 'sqlite') {
    const file = path.join(dir, `bench-${crypto.randomBytes(3).toString('hex')}.db`);
    return { env: { SOSIK_DB: file }, open: () => openDatabase({ sqlitePath: file }), drop: async () => {} };
  }
  // A database of its own, so the server child needs nothing but DATABASE_URL.
  const name = `bench_ingest_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.href },
    open: () => openDatabase({ databaseUrl: url.href, poolSize: 4 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function toNinjs(input: ArticleInput, uri: string) {
  return {
    uri,
    type: 'text',
    language: input.lang,
    headlines: [{ role: 'main', value: input.headline }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: input.bodyHtml }],
    by: input.bylines.map((b) => b.name).join(', '),
    subjects: input.subjects.map((s) => ({ name: s.name })),
    ...(input.versionCreated ? { versioncreated: new Date(input.versionCreated).toISOString() } : {}),
  };
}

async function pendingJobs(db: Db): Promise<number> {
  const r = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Ingests every input in process, then drains the jobs it caused with `registry`'s handlers.
 * `quiet` leaves out the ingest lines (a second run whose ingest was already reported).
 */
async function inProcess(
  dialect: Dialect,
  db: BenchDb,
  inputs: ArticleInput[],
  raws: unknown[],
  registry: Registry,
  label = '',
  quiet = false,
): Promise<void> {
  const handle = db.open();
  try {
    await migrateToLatest(handle);
    const deps: AppDeps = {
      db: handle.db,
      dialect,
      config: loadConfig({}, { demo: false }),
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry,
    };
    const press = await handle.db
      .insertInto('presses')
      .values({ slug: 'bench', name: '벤치마크 일보', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reqs = inputs.map((input, i) => ({ pressId: press.id, source: 'feed' as const, input, original: raws[i] }));

    // Sanitising alone, to tell its share of the full path apart (it runs inside ingestArticles).
    let t = performance.now();
    for (const input of inputs) sanitizeBody(input.bodyHtml);
    const sanitiseS = seconds(t);

    t = performance.now();
    let stored = 0;
    for (let i = 0; i < reqs.length; i += 1000) {
      for (const o of await ingestArticles(deps, reqs.slice(i, i + 1000))) if (o.ok && o.result.created) stored++;
    }
    const fullS = seconds(t);
    if (stored !== inputs.length) throw new Error(`stored ${stored} of ${inputs.length}`);
    if (!quiet)
      console.log(
        `  full path     ${rate(stored, fullS).padStart(9)} articles  (${fullS.toFixed(2)} s: sanitise ${((100 * sanitiseS) / fullS).toFixed(0)}%, ` +
          `validate + categorise + store + enqueue ${((100 * (fullS - sanitiseS)) / fullS).toFixed(0)}%)`,
      );

    t = performance.now();
    let unchanged = 0;
    for (let i = 0; i < reqs.length; i += 1000) {
      for (const o of await ingestArticles(deps, reqs.slice(i, i + 1000))) if (o.ok && !o.result.changed) unchanged++;
    }
    const againS = seconds(t);
    if (unchanged !== inputs.length) throw new Error(`re-delivery changed ${inputs.length - unchanged} articles`);
    if (!quiet)
      console.log(
        `  re-delivery   ${rate(unchanged, againS).padStart(9)} articles  (every item unchanged, nothing written)`,
      );

    await drainByKind(deps, registry, label);
  } finally {
    await handle.close();
  }
}

/**
 * Drains the queue one job kind at a time (in the order ingest enqueues them), so each kind's
 * time and rate are its own: a worker whose registry declares only that kind claims only its jobs,
 * in batches as the real worker does. The total is the sum (one worker, every kind, takes about as long).
 */
async function drainByKind(deps: AppDeps, registry: Registry, label: string): Promise<void> {
  const pending = await deps.db
    .selectFrom('jobs')
    .select(['kind'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .groupBy('kind')
    .execute();
  const counts = new Map(pending.map((k) => [k.kind, Number(k.n)]));
  const kinds = [...new Set([...REGISTRY.articleChangedJobs, ...counts.keys()])].filter((k) => counts.has(k));
  const lines: string[] = [];
  let totalS = 0;
  let totalJobs = 0;
  for (const kind of kinds) {
    const definition = registry.jobs.get(kind);
    if (!definition) throw new Error(`${label || 'this tree'} has no handler for ${kind}`);
    const only: Registry = { ...registry, jobs: new Map([[kind, definition]]) };
    const t = performance.now();
    const ran = await new JobWorker({ ...deps, registry: only }).drain();
    const s = seconds(t);
    totalS += s;
    totalJobs += ran;
    lines.push(
      `    ${kind.padEnd(20)} ${rate(ran, s).padStart(9)} articles  (${ran} jobs in ${s.toFixed(2)} s, ${((1000 * s) / Math.max(1, ran)).toFixed(2)} ms a job)`,
    );
  }
  const left = await pendingJobs(deps.db);
  const articles = Math.max(0, ...counts.values());
  console.log(
    `  ${label}jobs drained ${rate(articles, totalS).padStart(9)} articles  (${totalJobs} jobs in ${totalS.toFixed(2)} s, ${left} left; one kind at a time:)`,
  );
  for (const line of lines) console.log(line);
}

async function overHttp(db: BenchDb, inputs: ArticleInput[], root = ROOT, label = ''): Promise<void> {
  const handle = db.open();
  await migrateToLatest(handle);
  const deps = { db: handle.db };
  const { apiKey } = await createPress(deps, { slug: 'bench-http', name: 'HTTP 벤치 일보' });
  const port = await freePort();
  // BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (both threads).
  const nodeArgs = process.env.BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/sosik.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SOSIK_DEMO: '0',
      LOG_LEVEL: 'warn',
      SOSIK_FEEDS_POLL: '0',
      SOSIK_API_RATE: '1000000',
    },
    // LOG_LEVEL=warn: only what went wrong (a refused POST's cause) reaches the terminal.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('sosik serve exited');
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const post = async (url: string, body: unknown) => {
      const started = performance.now();
      const res = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };

    // Single POSTs while the server's worker runs the jobs they cause. A refused POST is counted
    // (and its first answer shown), not fatal: how many were refused is part of the figure.
    const started = performance.now();
    const latencies: number[] = [];
    const refused = new Map<number, number>();
    let firstRefusal = '';
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < HTTP_ITEMS; i = next++) {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/v1/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify(toNinjs(inputs[i % inputs.length]!, `urn:http:${i}`)),
          });
          const text = await res.text();
          latencies.push(performance.now() - t0);
          if (res.status >= 300) {
            refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
            firstRefusal ||= `${res.status}: ${text.slice(0, 200)}`;
          }
        }
      }),
    );
    const singleS = seconds(started);
    const pendingAfterSingles = await pendingJobs(handle.db);
    const refusedText = refused.size
      ? `${[...refused].map(([status, n]) => `${n}× ${status}`).join(', ')} (first ${firstRefusal})`
      : 'none';
    console.log(
      `  ${label}HTTP single   ${rate(HTTP_ITEMS, singleS).padStart(9)} articles  (${CLIENTS} clients, POST p50 ${pct(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${pct(latencies, 100).toFixed(1)} ms; ` +
        `non-2xx ${refusedText}; worker running; ${pendingAfterSingles} jobs still pending at the end)`,
    );
    if (process.env.BENCH_SINGLE_ONLY === '1') return;

    const batchStarted = performance.now();
    const batchLatencies: number[] = [];
    const batches = Math.ceil(inputs.length / HTTP_BATCH);
    let nextBatch = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let b = nextBatch++; b < batches; b = nextBatch++) {
          const items = inputs
            .slice(b * HTTP_BATCH, (b + 1) * HTTP_BATCH)
            .map((input, k) => toNinjs(input, `urn:http-batch:${b * HTTP_BATCH + k}`));
          batchLatencies.push(await post('/api/v1/articles/batch', { items }));
        }
      }),
    );
    const batchS = seconds(batchStarted);
    console.log(
      `  ${label}HTTP batch    ${rate(inputs.length, batchS).padStart(9)} articles  (${CLIENTS} clients, ${HTTP_BATCH} per request, p50 ${pct(batchLatencies, 50).toFixed(0)} ms, p99 ${pct(batchLatencies, 99).toFixed(0)} ms per batch)`,
    );
    const total = HTTP_ITEMS + inputs.length;
    for (;;) {
      if ((await pendingJobs(handle.db)) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const emptyS = seconds(started);
    console.log(
      `  ${label}queue empty   ${emptyS.toFixed(2)} s after the first POST (${total} articles over HTTP: ${rate(total, emptyS)} end to end, jobs included)`,
    );
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await handle.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-ingest-'));
try {
  const feed = Buffer.from(generateFeed(ITEMS));
  console.log(
    `feed: ${ITEMS} items, ${(feed.length / 1024 / 1024).toFixed(1)} MB (RSS 2.0, content:encoded, media:content); ${os.cpus().length} CPUs`,
  );
  const t = performance.now();
  const parsed = parseFeedText(decodeFeedBytes(feed, 'application/rss+xml').text, {
    baseUrl: 'https://press.example/rss',
  });
  const inputs = parsed.items.map((item) => itemToArticleInput(item, parsed));
  console.log(`parse: ${rate(inputs.length, seconds(t))} items (decode, parse, map to articles)`);
  const raws = parsed.items.map((i) => i.raw);
  const wanted = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
  const dialects: Dialect[] = wanted.includes('sqlite') ? ['sqlite'] : [];
  if (wanted.includes('postgres')) {
    if (await pgReachable()) dialects.push('postgres');
    else console.log(`postgres: skipped (no server at ${PG_URL})`);
  }
  for (const dialect of dialects) {
    console.log(`${dialect}:`);
    // With a baseline, its job handlers drain first (same data, ingested by this tree, in a
    // database of its own), so the per-kind rates of both trees come from one run.
    const drains: Array<[Registry, string]> =
      process.env.BENCH_SINGLE_ONLY === '1'
        ? []
        : BASELINE
          ? [
              [await baselineRegistry(BASELINE), 'baseline '],
              [REGISTRY, 'this tree '],
            ]
          : [[REGISTRY, '']];
    for (const [i, [registry, label]] of drains.entries()) {
      const inProc = await benchDb(dialect, dir);
      try {
        await inProcess(dialect, inProc, inputs, raws, registry, label, i > 0);
      } finally {
        await inProc.drop();
      }
    }
    if (process.env.BENCH_HTTP === '0') continue;
    for (const [root, label] of BASELINE
      ? [
          [BASELINE, 'baseline '],
          [ROOT, 'this tree '],
        ]
      : [[ROOT, '']]) {
      const http = await benchDb(dialect, dir);
      try {
        await overHttp(http, inputs, root, label);
      } finally {
        await http.drop();
      }
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
