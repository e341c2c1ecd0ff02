// Two real `sosik serve` processes on one PostgreSQL schema: a withdrawal accepted by one is gone
// from the other's page cache (whose upper bound is an hour) through LISTEN/NOTIFY, and through
// Redis pub/sub when SOSIK_REDIS_URL is set.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_URL, pgUrlWithSchema, testDialects } from './helpers/databases.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/sosik.js');
const REDIS_URL = 'redis://127.0.0.1:6379';
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
  }
});

function startServer(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(6379, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Redis at 127.0.0.1:6379, or the one-line reason it is skipped (a failure when SOSIK_REQUIRE_REDIS=1, as in CI). */
async function redisTransport(): Promise<boolean> {
  if (await redisAnswers()) return true;
  if (process.env.SOSIK_REQUIRE_REDIS === '1')
    throw new Error(`Redis is required (SOSIK_REQUIRE_REDIS=1) but ${REDIS_URL} is unreachable`);
  console.warn(`skipping the Redis page-cache test: no server at ${REDIS_URL}`);
  return false;
}

/** Asks until the answer is 410; fails after `limit` tries (50 ms apart) with the last status. */
async function untilGone(url: string, limit: number): Promise<{ status: number; tries: number }> {
  let status = 0;
  for (let tries = 1; tries <= limit; tries++) {
    status = (await fetch(url)).status;
    if (status === 410) return { status, tries };
    await new Promise((r) => setTimeout(r, 50));
  }
  return { status, tries: limit };
}

const onPostgres = (await testDialects()).includes('postgres');
const transports = [
  { name: 'LISTEN/NOTIFY', redis: false },
  ...((await redisTransport()) ? [{ name: 'Redis', redis: true }] : []),
];

describe.skipIf(!onPostgres).each(transports)('page cache across processes via $name', ({ redis }) => {
  it('a withdrawal through one process is gone from the other process at once', { timeout: 120_000 }, async () => {
    const schema = `xproc_${crypto.randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pgUrlWithSchema(schema), // dropped after the run by test/helpers/global-setup.ts
      SOSIK_DEMO: '0',
      LOG_LEVEL: 'info',
      SOSIK_PAGE_CACHE_SECONDS: '3600',
      SOSIK_FEEDS_POLL: '0',
      // No clustering or indexing jobs: their announcements would drop the page before we look.
      SOSIK_WORKERS: '0',
      SOSIK_REDIS_URL: redis ? REDIS_URL : '',
    };
    const added = spawnSync(
      process.execPath,
      [BIN, 'press', 'add', '--slug', 'xproc-daily', '--name', '교차일보', '--json'],
      {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(added.status).toBe(0);
    const { apiKey } = JSON.parse(added.stdout) as { apiKey: string };
    const [writer, reader] = await Promise.all([startServer(env), startServer(env)]);
    const publish = (pubstatus: string) =>
      fetch(`http://127.0.0.1:${writer}/api/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          uri: 'urn:xproc:1',
          type: 'text',
          headline: '곧 철회될 기사',
          body_text: '본문',
          pubstatus,
        }),
      });
    const created = await publish('usable');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const page = `http://127.0.0.1:${reader}/articles/${id}`;
    // The creation's own announcement may still be on its way (and drop the first copy): ask
    // until the reader answers from its cache.
    let cache: string | null = null;
    for (let tries = 0; tries < 20 && cache !== 'hit'; tries++) {
      const res = await fetch(page);
      expect(res.status).toBe(200);
      cache = res.headers.get('x-page-cache');
      if (cache !== 'hit') await new Promise((r) => setTimeout(r, 50));
    }
    expect(cache).toBe('hit');

    expect((await publish('canceled')).status).toBe(200);
    // Twenty tries 50 ms apart: the reader's copy must go long before its hour is up.
    const gone = await untilGone(page, 20);
    expect(gone.status).toBe(410);
  });
});
