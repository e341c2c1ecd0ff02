// `npm run bench:pages`: requests/s and p99 latency of the home, article, search and issue pages
// under 64 concurrent connections, rendered every time (page cache off) and cached (exact cache
// on), each next to the same bytes served by nginx (the issue's baseline) and as a static file by
// the same server, rounds alternating page, nginx, static, in the same run; the ratio page/nginx
// is the figure the targets name (cached ≥ 0.7; uncached ≥ 0.3 article, ≥ 0.2 home/search/issue).
// nginx runs with `worker_processes 1` (the Sosik server is one process on one event loop, so
// both get one core; autocannon and the other core are shared alike), sendfile, keep-alive,
// access log off, open_file_cache: a tuned static server, not a handicapped one. Then the stampede figure: renders of one page per invalidation window while 64 connections ask
// for it (single-flight: one). The server runs in a child process so autocannon does not steal its
// event loop.
//   BENCH_SECONDS (default 10) per target; BENCH_CONNECTIONS (default 64);
//   BENCH_DATABASE_URL=postgres://… runs the server on PostgreSQL (a fresh schema) instead of SQLite;
//   BENCH_WINDOW_MS (default 100): how often the stampede round announces a change;
//   BENCH_STAMPEDE_ONLY=1: only the stampede figure; BENCH_CACHE=off|on (default both rounds);
//   BENCH_PAGES=home,article,… only those pages; BENCH_REPEAT (default 1): alternations per page,
//   the figure is the median of them.
// With `--stored 10000,100000,1000000 [--db pg]` it measures instead whether each reader page costs
// the same over a small and a large stored archive, and the server's memory (bench/pages-archive.ts).
import { sql } from 'kysely';
import { REGISTRY } from '../src/app.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';
import { ensureNginx, nginxConf } from './nginx.ts';

const SELF = fileURLToPath(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? '';
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 100);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const ONLY = process.env.BENCH_PAGES?.split(',');

/** Child mode: open the database, fill it, serve the app plus /bench-static/, print the port. */
async function serveChild(dbFile: string, staticDir: string): Promise<void> {
  const [
    { default: pino },
    { default: fastifyStatic },
    { buildApp },
    { loadConfig },
    { openDatabase },
    { migrateToLatest },
    { ChangeBus },
  ] = await Promise.all([
    import('pino'),
    import('@fastify/static'),
    import('../src/app.ts'),
    import('../src/config.ts'),
    import('../src/db/database.ts'),
    import('../src/db/migrate.ts'),
    import('../src/db/change-bus.ts'),
  ]);
  let pgSchema: string | undefined;
  if (DATABASE_URL) {
    const { default: pg } = await import('pg');
    pgSchema = `bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${pgSchema}`);
    await admin.end();
  }
  const handle = DATABASE_URL
    ? openDatabase({ databaseUrl: DATABASE_URL, pgSchema, poolSize: 10 })
    : openDatabase({ sqlitePath: dbFile });
  await migrateToLatest(handle);
  const config = loadConfig(
    {},
    {
      demo: false,
      workers: false,
      logLevel: 'silent',
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      pageCacheSeconds: Number(process.env.BENCH_PAGE_CACHE_SECONDS ?? 0),
      // One bench client is one "source"; the per-source search limit would answer 429 at once.
      searchApiRatePerMinute: 1_000_000,
    },
  );
  const changes = new ChangeBus('bench');
  const deps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
    changes,
  };
  const content = await fillDatabase(deps);
  const app = await buildApp(deps);
  await app.register(fastifyStatic, { root: staticDir, prefix: '/bench-static/', decorateReply: false });
  // The stampede round's stand-in for an ingest: a change to everything, announced as ingest does.
  app.post('/bench-announce', async () => {
    changes.announce(['*']);
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  console.log(JSON.stringify({ port: address.port, ...content, dialect: handle.dialect }));
  process.on('SIGTERM', () => {
    void (async () => {
      await app.close();
      if (pgSchema)
        await sql
          .raw(`drop schema ${pgSchema} cascade`)
          .execute(handle.db)
          .catch(() => {});
      await handle.close();
      process.exit(0);
    })();
  });
}

interface Content {
  articleId: number;
  issueSlug: string | undefined;
  searchTerm: string;
  label: string;
}

async function fillDatabase(deps: import('../src/deps.ts').AppDeps): Promise<Content> {
  let label: string;
  try {
    const { seedDemo } = await import('../src/demo/seed.ts');
    const counts = await seedDemo(deps);
    // Work the jobs the seeding enqueued (search index, issue clustering), as a running server
    // would, so pages carry their issue tags and the front page its issues box.
    const { JobWorker } = await import('../src/jobs/worker.ts');
    const jobs = await new JobWorker(deps).drain();
    label = `demo content (${counts.presses} presses, ${counts.articles} articles, ${jobs} jobs worked)`;
  } catch (err) {
    const { insertFixture } = await import('../test/e2e/fixtures.ts');
    await insertFixture(deps.db);
    label = `test fixture (demo seeding unavailable: ${(err as Error).message.split('\n')[0]})`;
  }
  // The richest usable article (most photos, then longest body) stands for "an article page".
  const row = await deps.db
    .selectFrom('articles as a')
    .where('a.status', '=', 'usable')
    .select([
      'a.id',
      (eb) =>
        eb
          .selectFrom('article_photos as p')
          .select(eb.fn.countAll().as('n'))
          .whereRef('p.article_id', '=', 'a.id')
          .as('photos'),
    ])
    .orderBy('photos', 'desc')
    .orderBy((eb) => eb.fn('length', ['a.body_html']), 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const issue = await deps.db
    .selectFrom('issues')
    .select('slug')
    .where('visible', '=', 1)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  // The first word of that article's headline: a query with real results.
  const headline = await deps.db
    .selectFrom('articles')
    .select('headline')
    .where('id', '=', Number(row.id))
    .executeTakeFirstOrThrow();
  const searchTerm = headline.headline.split(/\s+/).find((w) => w.length >= 2) ?? '뉴스';
  return { articleId: Number(row.id), issueSlug: issue?.slug, searchTerm, label };
}

interface Measured {
  name: string;
  rps: number;
  p99: number;
  p50: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Measured> {
  const { default: autocannon } = await import('autocannon');
  // Short warm-up so JIT and caches settle before the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    name,
    rps: r.requests.average,
    p99: r.latency.p99,
    p50: r.latency.p50,
    bytes: 0,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** A tuned static server: sendfile, keep-alive without a limit, open files cached. */
function staticNginxConf(dir: string, root: string, port: number): string {
  return nginxConf(
    dir,
    `  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=64;
  types { text/html html; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }`,
  );
}

/** nginx serving `root` (the page bytes as files) on a free port; returns its port and a stop. */
async function startNginx(dir: string, root: string): Promise<{ port: number; stop: () => void }> {
  const nginx = ensureNginx();
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, staticNginxConf(dir, root, port));
  const started = spawnSync(nginx, ['-c', conf], { stdio: 'inherit' });
  if (started.status !== 0) throw new Error('nginx did not start');
  return { port, stop: () => spawnSync(nginx, ['-c', conf, '-s', 'stop'], { stdio: 'inherit' }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/** The median of each figure over the repeated rounds (the round whose rps is the median). */
function medianRound(rounds: Measured[]): Measured {
  const m = median(rounds.map((r) => r.rps));
  return rounds.find((r) => r.rps === m) ?? rounds[0]!;
}

async function startChild(
  dbFile: string,
  staticDir: string,
  pageCacheSeconds: number,
): Promise<{ child: ChildProcess; port: number; dialect: string } & Content> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', dbFile, staticDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_PAGE_CACHE_SECONDS: String(pageCacheSeconds) },
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...(JSON.parse(first) as { port: number; dialect: string } & Content) };
}

// Two rounds: every request rendered (page cache off), then the exact cache (an hour's upper
// bound: nothing changes during the run, so every page stays until the stampede round's changes).
async function main(): Promise<void> {
  const rounds = { off: [0], on: [3600], both: [0, 3600] }[process.env.BENCH_CACHE ?? 'both'] ?? [0, 3600];
  for (const pageCacheSeconds of process.env.BENCH_STAMPEDE_ONLY === '1' ? [3600] : rounds)
    await round(pageCacheSeconds);
}

async function metricValue(base: string, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(text.match(pattern)?.[1] ?? 0);
}

/** Renders per invalidation window: 64 connections on one page while a change lands every window. */
async function stampede(base: string, pagePath: string): Promise<{ windows: number; renders: number; rps: number }> {
  const { default: autocannon } = await import('autocannon');
  const misses = /sosik_page_cache_requests_total\{result="miss"\} (\d+)/;
  const before = await metricValue(base, misses);
  let windows = 0;
  const timer = setInterval(() => {
    windows++;
    void fetch(`${base}/bench-announce`, { method: 'POST' });
  }, WINDOW_MS);
  const r = await autocannon({ url: base + pagePath, connections: CONNECTIONS, duration: SECONDS });
  clearInterval(timer);
  const renders = (await metricValue(base, misses)) - before;
  return { windows, renders, rps: r.requests.average };
}

async function round(pageCacheSeconds: number): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-'));
  const staticDir = path.join(tmp, 'static');
  fs.mkdirSync(staticDir);
  // nginx workers started by root run as an unprivileged user: they must be able to read the files.
  fs.chmodSync(tmp, 0o755);
  fs.chmodSync(staticDir, 0o755);
  const {
    child,
    port,
    articleId,
    issueSlug,
    searchTerm,
    label: content,
    dialect,
  } = await startChild(path.join(tmp, 'bench.db'), staticDir, pageCacheSeconds);
  const base = `http://127.0.0.1:${port}`;
  let nginx: { port: number; stop: () => void } | undefined;
  try {
    const targets = [
      { name: 'home', path: '/', file: 'home.html' },
      { name: 'article', path: `/articles/${articleId}`, file: 'article.html' },
      { name: 'search', path: `/search?q=${encodeURIComponent(searchTerm)}`, file: 'search.html' },
      ...(issueSlug ? [{ name: 'issue', path: `/issues/${encodeURIComponent(issueSlug)}`, file: 'issue.html' }] : []),
    ].filter((t) => !ONLY || ONLY.includes(t.name));
    for (const t of targets) {
      const res = await fetch(base + t.path);
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      fs.writeFileSync(path.join(staticDir, t.file), Buffer.from(await res.arrayBuffer()));
    }
    nginx = await startNginx(tmp, staticDir);
    const mode = pageCacheSeconds ? 'exact page cache on: cached' : 'page cache off: every request rendered';
    console.log(
      `\nSosik pages bench: ${dialect}, ${content}; ${mode}; ${CONNECTIONS} connections, ${SECONDS} s per target, ${REPEAT} alternation(s) page/nginx/static per page (median), node ${process.version}, ${os.cpus().length} CPUs; nginx worker_processes 1`,
    );
    const rows: Array<Measured & { vsNginx?: number; vsStatic?: number; size: number }> = [];
    const summary: string[] = [];
    for (const t of process.env.BENCH_STAMPEDE_ONLY === '1' ? [] : targets) {
      const size = fs.statSync(path.join(staticDir, t.file)).size;
      const label = `${t.name} page (${t.path.length > 24 ? `${t.path.slice(0, 23)}…` : t.path})`;
      const pages: Measured[] = [];
      const viaNginx: Measured[] = [];
      const statics: Measured[] = [];
      for (let i = 0; i < REPEAT; i++) {
        pages.push(await measure(label, base + t.path));
        viaNginx.push(await measure(`${t.name}, same bytes by nginx`, `http://127.0.0.1:${nginx.port}/${t.file}`));
        statics.push(await measure(`${t.name}, same bytes by this server`, `${base}/bench-static/${t.file}`));
      }
      const page = medianRound(pages);
      const ng = medianRound(viaNginx);
      const st = medianRound(statics);
      const vsNginx = median(pages.map((p, i) => p.rps / viaNginx[i]!.rps));
      rows.push({ ...page, size, vsNginx, vsStatic: page.rps / st.rps }, { ...ng, size }, { ...st, size });
      const target = pageCacheSeconds ? 0.7 : t.name === 'article' ? 0.3 : 0.2;
      summary.push(
        `${t.name.padEnd(8)} ${vsNginx.toFixed(2)} of nginx (target ≥ ${target}${vsNginx >= target ? ', met' : ', not met'})`,
      );
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    console.log(
      `\n${pad('target', 40)} ${pad('bytes', 8)} ${pad('req/s', 9)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} page/nginx page/static`,
    );
    for (const r of rows) {
      const bad = r.non2xx || r.errors ? `  (non-2xx ${r.non2xx}, errors ${r.errors})` : '';
      const ratios = r.vsNginx === undefined ? '' : `${pad(r.vsNginx.toFixed(2), 10)} ${r.vsStatic!.toFixed(2)}`;
      console.log(
        `${pad(r.name, 40)} ${pad(String(r.size), 8)} ${pad(r.rps.toFixed(0), 9)} ${pad(String(r.p50), 7)} ${pad(String(r.p99), 7)} ${ratios}${bad}`,
      );
    }
    if (summary.length)
      console.log(`\n${pageCacheSeconds ? 'cached' : 'uncached'} vs nginx, same bytes:\n  ${summary.join('\n  ')}`);
    if (pageCacheSeconds) {
      const s = await stampede(base, '/');
      console.log(
        `\nstampede: home page, ${CONNECTIONS} connections, a change every ${WINDOW_MS} ms: ${s.windows} windows, ${s.renders} renders = ${(s.renders / Math.max(1, s.windows)).toFixed(2)} renders per window (${s.rps.toFixed(0)} req/s)`,
      );
    }
  } finally {
    nginx?.stop();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  await serveChild(process.argv[3]!, process.argv[4]!);
} else if (process.argv.some((a) => a.startsWith('--stored') || a.startsWith('--db'))) {
  // Flat with the archive: per-render cost at each stored size, and memory under load (bench/pages-archive.ts).
  const { runArchiveBench } = await import('./pages-archive.ts');
  await runArchiveBench(process.argv.slice(2));
} else {
  await main();
}
