// Real `sosik serve` processes for tests that need more than one (changes heard across processes):
// each listens on a free port of 127.0.0.1 and is stopped with SIGTERM, as a deployment would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { TEST_PG_URL, pgUrlWithSchema } from './databases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SOSIK_BIN = path.join(ROOT, 'bin/sosik.js');
export const REDIS_TEST_URL = 'redis://127.0.0.1:6379';

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** SIGTERM, then the exit code once it is gone. */
  stop(): Promise<number | null>;
}

/** `port` 0 takes any free port; a fixed one lets SOSIK_PUBLIC_URL (links in e-mail) name it. */
export function startServerProcess(env: NodeJS.ProcessEnv, port = 0): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SOSIK_BIN, 'serve'], {
      env: {
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(port ? { SOSIK_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
      },
    });
    let out = '';
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolve({
          port,
          url: `http://127.0.0.1:${port}`,
          child,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** `sosik press add` in its own process: the new press's API key. */
export function addPressProcess(env: NodeJS.ProcessEnv, slug: string, name: string): string {
  const added = spawnSync(process.execPath, [SOSIK_BIN, 'press', 'add', '--slug', slug, '--name', name, '--json'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (added.status !== 0) throw new Error(`press add failed: ${added.stderr}`);
  return (JSON.parse(added.stdout) as { apiKey: string }).apiKey;
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

/** Whether Redis answers at 127.0.0.1:6379; else a one-line skip reason (a failure when SOSIK_REQUIRE_REDIS=1, as in CI). */
export async function redisForTests(what: string): Promise<boolean> {
  if (await redisAnswers()) return true;
  if (process.env.SOSIK_REQUIRE_REDIS === '1')
    throw new Error(`Redis is required (SOSIK_REQUIRE_REDIS=1) but ${REDIS_TEST_URL} is unreachable`);
  console.warn(`skipping the Redis ${what}: no server at ${REDIS_TEST_URL}`);
  return false;
}

/** A fresh PostgreSQL schema that spawned processes share (`t_…`: dropped after the run by global-setup.ts). */
export async function sharedPgSchema(prefix: string): Promise<{ schema: string; url: string }> {
  const schema = `t_${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  return { schema, url: pgUrlWithSchema(schema) };
}

/**
 * The environment of a test's `sosik serve` on a given database: no demo content, no feed
 * polling, no Redis unless `extra` names it, and the info-level log line that says it is serving.
 */
export function serverProcessEnv(databaseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SOSIK_DEMO: '0',
    LOG_LEVEL: 'info',
    SOSIK_FEEDS_POLL: '0',
    SOSIK_REDIS_URL: '',
    ...extra,
  };
}
