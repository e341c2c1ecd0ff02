// `npm run bench:pages -- --stored 10000,100000,1000000 [--db pg]`: is every reader page flat with
// the archive? For each size, a database with the demo content plus that many generated articles
// (test/helpers/archive.ts; kept under /tmp, or in a PostgreSQL schema, and reused by the next
// run) is opened with the page cache off. Each reader page is rendered one at a time (app.inject,
// the sizes in turn), and its median time is the per-render cost; the table ends with each page's
// cost at the largest size over the smallest (target ≤ 1.5). Then the page load (64 connections
// over all these pages, BENCH_SECONDS) runs against one server process per size while its
// resident memory is sampled: its peak is the memory figure (target < 512 MB at 1M).
//   BENCH_DATABASE_URL (with --db pg; else SOSIK_TEST_PG_URL); BENCH_RENDERS (default 40) per page;
//   BENCH_ARCHIVE_DIR (default /tmp/sosik-archive) for the SQLite files.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { REGISTRY } from '../src/app.ts';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../src/db/database.ts';
import { generateArchive } from '../test/helpers/archive.ts';

const SELF = fileURLToPath(import.meta.url);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ARCHIVE_DIR = process.env.BENCH_ARCHIVE_DIR ?? path.join(os.tmpdir(), 'sosik-archive');
const DONE_TABLE = 'bench_archive_done';

interface Target {
  dialect: 'sqlite' | 'postgres';
  url?: string;
}

async function open(target: Target, size: number): Promise<DbHandle> {
  const { openDatabase } = await import('../src/db/database.ts');
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(ARCHIVE_DIR, { recursive: true });
    return openDatabase({ sqlitePath: path.join(ARCHIVE_DIR, `archive-${size}.db`) });
  }
  const schema = `bench_archive_${size}`;
  const handle = openDatabase({ databaseUrl: target.url!, pgSchema: schema, poolSize: 10 });
  await sql`create schema if not exists ${sql.id(schema)}`.execute(handle.db);
  return handle;
}

async function isComplete(handle: DbHandle): Promise<boolean> {
  // Asked of this schema only (introspection would list other sizes' schemas too).
  return sql`select n from ${sql.table(DONE_TABLE)}`
    .execute(handle.db)
    .then(() => true)
    .catch(() => false);
}

/** Demo content plus `size` generated articles, made once and reused while its marker table exists. */
async function ensureArchive(target: Target, size: number): Promise<void> {
  let handle = await open(target, size);
  if (await isComplete(handle)) return handle.close();
  await handle.close();
  // A half-made archive (a run stopped while generating) starts again from nothing.
  if (target.dialect === 'sqlite') {
    for (const ext of ['', '-wal', '-shm'])
      fs.rmSync(path.join(ARCHIVE_DIR, `archive-${size}.db${ext}`), { force: true });
  } else {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`drop schema if exists bench_archive_${size} cascade`);
    await admin.end();
  }
  handle = await open(target, size);
  const deps = await benchDeps(handle);
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  await migrateToLatest(handle);
  const { seedDemo } = await import('../src/demo/seed.ts');
  await seedDemo(deps);
  const { JobWorker } = await import('../src/jobs/worker.ts');
  await new JobWorker(deps).drain();
  const started = performance.now();
  await generateArchive(handle.db, handle.dialect, size);
  await sql`create table ${sql.table(DONE_TABLE)} (n integer)`.execute(handle.db);
  console.error(
    `generated ${size} articles on ${target.dialect} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await handle.close();
}

async function benchDeps(handle: DbHandle) {
  const [{ default: pino }, { loadConfig }, { ChangeBus }] = await Promise.all([
    import('pino'),
    import('../src/config.ts'),
    import('../src/db/change-bus.ts'),
  ]);
  const config = loadConfig(
    {},
    {
      demo: false,
      workers: false,
      logLevel: 'silent',
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      pageCacheSeconds: 0,
    },
  );
  return {
    db: handle.db,
    dialect: handle.dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
    // As a server has (src/runtime.ts): what is kept until a change listens to it.
    changes: new ChangeBus(`bench-archive-${handle.dialect}`),
  };
}

/** The pages to render, chosen in this archive: an old article, a deep list page, an old issue. */
async function readerPages(handle: DbHandle, size: number): Promise<Array<{ name: string; path: string }>> {
  const db = handle.db;
  const middle = await db
    .selectFrom('articles')
    .select(['id', 'first_created_at'])
    .where('uri', '=', `urn:archive:${Math.floor(size / 2)}`)
    .executeTakeFirstOrThrow();
  const demo = await db
    .selectFrom('articles')
    .select('id')
    .where('uri', 'not like', 'urn:archive:%')
    .where('status', '=', 'usable')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const category = await db
    .selectFrom('categories')
    .select('slug')
    .orderBy('position')
    .limit(1)
    .executeTakeFirstOrThrow();
  const press = await db.selectFrom('presses').select('slug').orderBy('id').limit(1).executeTakeFirstOrThrow();
  // The middle article is an even one, so a member of an issue in the middle of the archive.
  const issue = await db
    .selectFrom('issue_articles as ia')
    .innerJoin('issues as i', 'i.id', 'ia.issue_id')
    .select('i.slug')
    .where('ia.article_id', '=', middle.id)
    .executeTakeFirstOrThrow();
  const maxId = await db.selectFrom('articles').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const { SITEMAP_BLOCK } = await import('../src/feeds/publish/sitemaps.ts');
  const cursor = `${middle.first_created_at}-${middle.id}`;
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: `/categories/${category.slug}` },
    { name: 'category, deep page', path: `/categories/${category.slug}?before=${cursor}` },
    { name: 'press', path: `/press/${press.slug}` },
    { name: 'press, deep page', path: `/press/${press.slug}?before=${cursor}` },
    { name: 'latest', path: '/latest' },
    { name: 'latest, deep page', path: `/latest?before=${cursor}` },
    { name: 'latest of a category', path: `/latest?category=${category.slug}` },
    { name: 'article (archive middle)', path: `/articles/${middle.id}` },
    { name: 'article (demo)', path: `/articles/${demo.id}` },
    { name: 'issues', path: '/issues' },
    { name: 'issue (archive middle)', path: `/issues/${issue.slug}` },
    { name: 'issue feed', path: `/issues/${issue.slug}/feed.xml` },
    { name: 'feed (RSS)', path: '/feed.xml' },
    { name: 'press feed (Atom)', path: `/press/${press.slug}/atom.xml` },
    { name: 'category feed (JSON)', path: `/categories/${category.slug}/feed.json` },
    { name: 'sitemap index', path: '/sitemap.xml' },
    { name: 'sitemap, first block', path: '/sitemaps/articles-1.xml' },
    { name: 'sitemap, last block', path: `/sitemaps/articles-${Math.ceil(Number(maxId.id) / SITEMAP_BLOCK)}.xml` },
    { name: 'news sitemap', path: '/sitemap-news.xml' },
    { name: 'press directory', path: '/press' },
  ];
}

/** One archive's app in this process (page cache off, no workers) and the pages to render. */
async function openApp(target: Target, size: number) {
  const handle = await open(target, size);
  const deps = await benchDeps(handle);
  const { buildApp } = await import('../src/app.ts');
  const pages = await readerPages(handle, size);
  const app = await buildApp(deps);
  await app.ready();
  return { app, pages, close: () => app.close().then(() => handle.close()) };
}

/** Child mode: serve one archive (page cache off, no workers) and print the port and the pages. */
async function serveChild(target: Target, size: number): Promise<void> {
  const { app, pages, close } = await openApp(target, size);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  console.log(JSON.stringify({ port, pages }));
  process.on('SIGTERM', () => void close().then(() => process.exit(0)));
}

function startChild(target: Target, size: number) {
  const args = ['--import', 'tsx', SELF, '--serve', target.dialect, String(size)];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_DATABASE_URL: target.url ?? '' },
  });
  const lines = readline.createInterface({ input: child.stdout! });
  return new Promise<{ child: ChildProcess; port: number; pages: Array<{ name: string; path: string }> }>(
    (resolve, reject) => {
      lines.once('line', (line) => resolve({ child, ...JSON.parse(line) }));
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    },
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** A page's render time at one size: the median, and the fastest (its cost when nothing else runs). */
interface Cost {
  median: number;
  fastest: number;
}

/** Median and fastest time of one render of each page, the pages visited in turn RENDERS times. */
async function timeRenders(targets: Array<{ app: FastifyInstance; path: string }>): Promise<Cost[]> {
  const render = async ({ app, path }: { app: FastifyInstance; path: string }) => {
    const t = performance.now();
    const res = await app.inject(path);
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 5; i++) for (const t of targets) await render(t);
  const times = targets.map(() => [] as number[]);
  for (let i = 0; i < RENDERS; i++) for (const [j, t] of targets.entries()) times[j]!.push(await render(t));
  return times.map((t) => ({ median: median(t), fastest: Math.min(...t) }));
}

function residentMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** 64 connections over every page for BENCH_SECONDS while the server's memory is sampled. */
async function loadAndMemory(base: string, pid: number, pages: Array<{ path: string }>) {
  const { default: autocannon } = await import('autocannon');
  let highest = 0;
  const sampler = setInterval(() => {
    highest = Math.max(highest, residentMb(pid).rss);
  }, 100);
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: pages.map((p) => ({ method: 'GET', path: p.path })),
  });
  clearInterval(sampler);
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, highest, ...residentMb(pid) };
}

export async function runArchiveBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { stored: { type: 'string' }, db: { type: 'string', default: 'sqlite' } },
    allowPositionals: false,
  });
  const sizes = (values.stored ?? '10000,100000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--stored takes sizes like 10000,100000');
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.SOSIK_TEST_PG_URL;
  const target: Target =
    values.db === 'pg' || values.db === 'postgres' ? { dialect: 'postgres', url: pgUrl } : { dialect: 'sqlite' };
  if (target.dialect === 'postgres' && !target.url) throw new Error('--db pg needs BENCH_DATABASE_URL');
  for (const size of sizes) await ensureArchive(target, size);

  // Render cost: every size's app lives in this process and each round visits them in turn
  // (app.inject: the render and its queries, no sockets), so a burst of load from elsewhere on the
  // machine falls on all sizes alike and the ratios stay meaningful.
  const apps = [];
  for (const size of sizes) apps.push(await openApp(target, size));
  const costs = new Map<string, Cost[]>();
  try {
    const names = apps[0]!.pages.map((p) => p.name);
    for (const [i, name] of names.entries())
      costs.set(name, await timeRenders(apps.map((a) => ({ app: a.app, path: a.pages[i]!.path }))));
  } finally {
    for (const a of apps) await a.close();
  }
  // Memory under load: one server process per size, on its own.
  const loads: string[] = [];
  for (const size of sizes) {
    const { child, port, pages } = await startChild(target, size);
    try {
      const m = await loadAndMemory(`http://127.0.0.1:${port}`, child.pid!, pages);
      loads.push(
        `${String(size).padStart(9)} stored: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms${m.non2xx ? ` (non-2xx ${m.non2xx})` : ''}; RSS highest ${m.highest.toFixed(0)} MB (kernel peak ${m.peak.toFixed(0)} MB, after ${m.rss.toFixed(0)} MB)`,
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
  console.log(
    `\nSosik reader pages over a stored archive: ${target.dialect}, page cache off, median (fastest) of ${RENDERS} renders in process, ms, node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const pad = (s: string, n: number) => s.padEnd(n);
  const last = sizes.length - 1;
  console.log(
    `${pad('page', 28)} ${sizes.map((s) => pad(`${s}`, 16)).join(' ')} ${sizes.length > 1 ? `${sizes[last]}/${sizes[0]}` : ''}`,
  );
  // On a shared machine the medians carry other people's load; the fastest renders show what the
  // page costs when the CPU is ours, so both ratios are printed.
  let worst = 0;
  let worstFastest = 0;
  for (const [name, list] of costs) {
    const ratio = list[last]!.median / list[0]!.median;
    const fastest = list[last]!.fastest / list[0]!.fastest;
    worst = Math.max(worst, ratio);
    worstFastest = Math.max(worstFastest, fastest);
    console.log(
      `${pad(name, 28)} ${list.map((c) => pad(`${c.median.toFixed(2)} (${c.fastest.toFixed(2)})`, 16)).join(' ')} ${sizes.length > 1 ? `${ratio.toFixed(2)} (${fastest.toFixed(2)})${ratio > 1.5 ? '  ← over 1.5' : ''}` : ''}`,
    );
  }
  if (sizes.length > 1)
    console.log(`worst ratio ${worst.toFixed(2)} of medians, ${worstFastest.toFixed(2)} of fastest (target ≤ 1.5)`);
  console.log(
    `\npage load (${CONNECTIONS} connections over all ${costs.size} pages, ${SECONDS} s) and server memory (target < 512 MB):`,
  );
  for (const l of loads) console.log(l);
}

if (process.argv[2] === '--serve') {
  const dialect = process.argv[3] as Target['dialect'];
  await serveChild({ dialect, url: process.env.BENCH_DATABASE_URL || undefined }, Number(process.argv[4]));
}
