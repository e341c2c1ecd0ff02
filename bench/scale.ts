// `npm run bench:scale`: what one more web process buys on PostgreSQL. Starts a job worker
// (`sosik worker`) and 1, then 2 web processes (`sosik serve`, SOSIK_WORKERS=0) behind nginx (a
// round-robin upstream; installed with apt when absent and this runs as root), and reports for
// each: reader pages rendered every time (page cache off: home and article pages, 64 connections)
// and single-article POSTs (8 connections) while the worker runs their jobs, as requests/s, p50
// and p99, with the ratio of 2 processes to 1 measured in the same run.
//   BENCH_SECONDS (default 10) per round; BENCH_STORED (default 2000) articles before the rounds;
//   SOSIK_TEST_PG_URL=postgres://… the PostgreSQL server (a database of its own is created).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createPress } from '../src/press/index.ts';
import { generateFeed } from './ingest-feed-file.ts';
import { ensureNginx, nginxConf } from './nginx.ts';
import { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STORED = Number(process.env.BENCH_STORED ?? 2000);
const PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function sosik(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/sosik.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** nginx in front of the web processes: round robin over kept-alive upstream connections. */
function proxyNginxConf(dir: string, listen: number, upstreams: number[]): string {
  return nginxConf(
    dir,
    `  upstream sosik {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 20m;
    location / {
      proxy_pass http://sosik;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }
  }`,
  );
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** 8 clients POSTing single articles for the round's seconds (fetch: each answer read and checked). */
async function postLoad(base: string, apiKey: string, round: number): Promise<Figures> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let seq = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const i = seq++;
        try {
          const res = await fetch(`${base}/api/v1/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              uri: `urn:scale:${round}:${i}`,
              type: 'text',
              headline: `가람시 은빛대교 보수 공사 ${i}`,
              body_text:
                '가람시는 은빛대교 상판 보수 공사를 이번 주에 시작한다고 밝혔다. 공사 기간에는 차로 하나가 통제된다.',
            }),
          });
          await res.arrayBuffer();
          if (res.status >= 300) non2xx++;
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const s = (performance.now() - started) / 1000;
  return {
    rps: latencies.length / s,
    p50: Math.round(pct(latencies, 50)),
    p99: Math.round(pct(latencies, 99)),
    non2xx,
    errors,
  };
}

async function load(opts: Parameters<typeof autocannon>[0]): Promise<Figures> {
  opts = { timeout: 30, ...opts };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, connections, caches
  const r = await autocannon({ ...opts, duration: SECONDS });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const show = (f: Figures) =>
  `${Math.round(f.rps).toLocaleString('en').padStart(6)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms${f.non2xx ? ` (${f.non2xx} non-2xx)` : ''}${f.errors ? ` (${f.errors} errors/time-outs)` : ''}`;

async function main(): Promise<void> {
  const nginx = ensureNginx();
  const name = `bench_scale_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-scale-'));
  const children: ChildProcess[] = [];
  let nginxUp = false;
  try {
    const handle = openDatabase({ databaseUrl: url.href, poolSize: 2 });
    await migrateToLatest(handle);
    const { apiKey } = await createPress({ db: handle.db }, { slug: 'scale', name: '스케일 일보' });
    const env = {
      DATABASE_URL: url.href,
      SOSIK_DEMO: '0',
      LOG_LEVEL: 'warn',
      SOSIK_FEEDS_POLL: '0',
      SOSIK_API_RATE: '1000000',
      SOSIK_PAGE_CACHE_SECONDS: '0',
      NODE_ENV: 'production',
    };
    const worker = sosik(['worker'], env);
    children.push(worker);

    // The archive the pages read: a generated feed through the bulk import, jobs drained by the worker.
    const feedFile = path.join(dir, 'feed.xml');
    fs.writeFileSync(feedFile, generateFeed(STORED));
    const imported = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/sosik.js'), 'import', '--press', 'scale', feedFile],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    if (imported.status !== 0) throw new Error(`sosik import failed: ${imported.stderr}`);
    const pending = async () =>
      Number(
        (
          await handle.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'pending')
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 200));
    const ids = (await handle.db.selectFrom('articles').select('id').orderBy('id', 'desc').limit(50).execute()).map(
      (r) => r.id,
    );
    console.log(`postgres: ${STORED} articles stored, jobs drained; ${os.cpus().length} CPUs; nginx ${nginx}`);

    const ports = [await freePort(), await freePort()];
    const webs: ChildProcess[] = [];
    const results: Array<{ processes: number; pages: Figures; posts: Figures }> = [];
    for (const n of [1, 2]) {
      while (webs.length < n) {
        const port = ports[webs.length]!;
        const web = sosik(['serve'], { ...env, SOSIK_WORKERS: '0', PORT: String(port), HOST: '127.0.0.1' });
        children.push(web);
        webs.push(web);
        await waitHealthy(`http://127.0.0.1:${port}`, web);
      }
      const listen = await freePort();
      const conf = path.join(dir, `nginx-${n}.conf`);
      fs.writeFileSync(conf, proxyNginxConf(dir, listen, ports.slice(0, n)));
      if (nginxUp) spawnSync(nginx, ['-c', conf, '-s', 'stop'], { stdio: 'inherit' });
      const started = spawnSync(nginx, ['-c', conf], { stdio: 'inherit' });
      if (started.status !== 0) throw new Error('nginx did not start');
      nginxUp = true;
      const base = `http://127.0.0.1:${listen}`;
      while (
        !(await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        await new Promise((r) => setTimeout(r, 50));
      // One of each through nginx first: a round of refusals would measure nothing.
      const probe = await fetch(`${base}/api/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          uri: `urn:scale:probe:${n}`,
          type: 'text',
          headline: '가람시 소식',
          body_text: '가람시 소식이다.',
        }),
      });
      if (probe.status !== 201) throw new Error(`POST through nginx answered ${probe.status}: ${await probe.text()}`);
      const page = await fetch(`${base}/articles/${ids[0]}`);
      if (page.status !== 200) throw new Error(`article page through nginx answered ${page.status}`);
      const pages = await load({
        url: base,
        connections: 64,
        requests: [{ path: '/' }, ...ids.slice(0, 20).map((id) => ({ path: `/articles/${id}` }))],
      });
      const posts = await postLoad(base, apiKey, n);
      results.push({ processes: n, pages, posts });
      console.log(`  ${n} web process${n > 1 ? 'es' : ''} + 1 worker behind nginx:`);
      console.log(`    pages (home + 20 articles, rendered, 64 conns)  ${show(pages)}`);
      console.log(`    POST /api/v1/articles (8 conns, jobs running)    ${show(posts)}`);
      spawnSync(nginx, ['-c', conf, '-s', 'stop'], { stdio: 'inherit' });
      nginxUp = false;
    }
    const [one, two] = results as [(typeof results)[0], (typeof results)[0]];
    console.log(
      `  2 processes vs 1 (same run): pages ×${(two.pages.rps / one.pages.rps).toFixed(2)} req/s, p99 ×${(two.pages.p99 / Math.max(1, one.pages.p99)).toFixed(2)}; ` +
        `POST ×${(two.posts.rps / one.posts.rps).toFixed(2)} req/s, p99 ×${(two.posts.p99 / Math.max(1, one.posts.p99)).toFixed(2)}`,
    );
    await handle.close();
  } finally {
    await Promise.all(children.map(stop));
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
