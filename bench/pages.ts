// `npm run bench:pages`: requests/s and p99 latency of the article and home pages under 64
// concurrent connections, each next to the same bytes served as a static file by the same server
// in the same run. The server runs in a child process so autocannon does not steal its event loop.
//   BENCH_SECONDS (default 10) per target; BENCH_CONNECTIONS (default 64).
import { REGISTRY } from '../src/app.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

/** Child mode: open the database, fill it, serve the app plus /bench-static/, print the port. */
async function serveChild(dbFile: string, staticDir: string): Promise<void> {
  const [{ default: pino }, { default: fastifyStatic }, { buildApp }, { loadConfig }, { openDatabase }, { migrateToLatest }] =
    await Promise.all([
      import('pino'),
      import('@fastify/static'),
      import('../src/app.ts'),
      import('../src/config.ts'),
      import('../src/db/database.ts'),
      import('../src/db/migrate.ts'),
    ]);
  const handle = openDatabase({ sqlitePath: dbFile });
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
    },
  );
  const deps = { db: handle.db, dialect: handle.dialect, config, log: pino({ level: 'silent' }), nudgeJobs: () => {}, registry: REGISTRY };
  const content = await fillDatabase(deps);
  const app = await buildApp(deps);
  await app.register(fastifyStatic, { root: staticDir, prefix: '/bench-static/', decorateReply: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  console.log(JSON.stringify({ port: address.port, articleId: content.articleId, content: content.label }));
}

async function fillDatabase(deps: import('../src/deps.ts').AppDeps): Promise<{ articleId: number; label: string }> {
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
    .select(['a.id', (eb) => eb.selectFrom('article_photos as p').select(eb.fn.countAll().as('n')).whereRef('p.article_id', '=', 'a.id').as('photos')])
    .orderBy('photos', 'desc')
    .orderBy((eb) => eb.fn('length', ['a.body_html']), 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { articleId: Number(row.id), label };
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

async function startChild(
  dbFile: string,
  staticDir: string,
  pageCacheSeconds: number,
): Promise<{ child: ChildProcess; port: number; articleId: number; content: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', dbFile, staticDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_PAGE_CACHE_SECONDS: String(pageCacheSeconds) },
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...(JSON.parse(first) as { port: number; articleId: number; content: string }) };
}

// Two rounds: every request rendered (page cache off), then the shipped default (5 s page cache).
async function main(): Promise<void> {
  for (const pageCacheSeconds of [0, 5]) await round(pageCacheSeconds);
}

async function round(pageCacheSeconds: number): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-'));
  const staticDir = path.join(tmp, 'static');
  fs.mkdirSync(staticDir);
  const { child, port, articleId, content } = await startChild(path.join(tmp, 'bench.db'), staticDir, pageCacheSeconds);
  const base = `http://127.0.0.1:${port}`;
  try {
    const targets = [
      { name: 'article', path: `/articles/${articleId}`, file: 'article.html' },
      { name: 'home', path: '/', file: 'home.html' },
    ];
    for (const t of targets) {
      const res = await fetch(base + t.path);
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      fs.writeFileSync(path.join(staticDir, t.file), Buffer.from(await res.arrayBuffer()));
    }
    const mode = pageCacheSeconds ? `page cache ${pageCacheSeconds} s (shipped default)` : 'page cache off: every request rendered';
    console.log(`\nSosik pages bench: SQLite, ${content}; ${mode}; ${CONNECTIONS} connections, ${SECONDS} s per target, node ${process.version}, ${os.cpus().length} CPUs`);
    const rows: Array<Measured & { ratio?: number; size: number }> = [];
    for (const t of targets) {
      const size = fs.statSync(path.join(staticDir, t.file)).size;
      const page = await measure(`${t.name} page (${t.path})`, base + t.path);
      const file = await measure(`${t.name} as static file`, `${base}/bench-static/${t.file}`);
      rows.push({ ...page, size, ratio: page.rps / file.rps }, { ...file, size });
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    console.log(`\n${pad('target', 40)} ${pad('bytes', 8)} ${pad('req/s', 9)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} page/static`);
    for (const r of rows) {
      const bad = r.non2xx || r.errors ? `  (non-2xx ${r.non2xx}, errors ${r.errors})` : '';
      console.log(
        `${pad(r.name, 40)} ${pad(String(r.size), 8)} ${pad(r.rps.toFixed(0), 9)} ${pad(String(r.p50), 7)} ${pad(String(r.p99), 7)} ${r.ratio === undefined ? '' : r.ratio.toFixed(2)}${bad}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  await serveChild(process.argv[3]!, process.argv[4]!);
} else {
  await main();
}
