// kill -9 right after a 201 loses nothing: the article, its revision and its follow-up jobs were
// committed together, and the jobs run when a process comes back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { TEST_PG_URL, pgUrlWithSchema, testDialects } from './helpers/databases.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/sosik.js');

function sosik(args: string[], env: NodeJS.ProcessEnv) {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`sosik ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout;
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

// Three cold starts of the CLI (press add, serve, jobs run) each load the whole app through tsx; on
// PostgreSQL on a loaded two-core machine that took ~31 s, over the 30 s default. The budget is the
// sum of the per-step limits below (60 + 30 + 60 s) plus the 1.2 s lease wait, so a step that hangs
// fails with its own message rather than the test's time-out.
const CRASH_TEST_TIMEOUT_MS = 160_000;

describe.each(await testDialects())('crash safety on %s', (dialect) => {
  it('kill -9 after 201 loses nothing; jobs run after restart', { timeout: CRASH_TEST_TIMEOUT_MS }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-crash-'));
    // A short lease: a job the killed server had already claimed is handed back after one second.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SOSIK_DEMO: '0',
      LOG_LEVEL: 'info',
      SOSIK_DB: path.join(dir, 'db.sqlite'),
      SOSIK_JOB_LEASE_MS: '1000',
    };
    if (dialect === 'postgres') {
      const schema = `crash_${crypto.randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      env.DATABASE_URL = pgUrlWithSchema(schema); // dropped after the run by test/helpers/global-setup.ts
    }
    const { apiKey } = JSON.parse(
      sosik(['press', 'add', '--slug', 'crash-daily', '--name', '크래시일보', '--json'], env),
    );
    const { child, port } = await startServer(env);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        uri: 'urn:crash:1',
        type: 'text',
        headline: '정전 직전의 기사',
        body_text: '살아남아야 한다.',
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1200));

    sosik(['jobs', 'run'], env);

    const handle = openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.SOSIK_DB });
    try {
      const article = await handle.db
        .selectFrom('articles')
        .select(['headline'])
        .where('id', '=', id)
        .executeTakeFirst();
      expect(article?.headline).toBe('정전 직전의 기사');
      const revisions = await handle.db
        .selectFrom('article_revisions')
        .select('id')
        .where('article_id', '=', id)
        .execute();
      expect(revisions).toHaveLength(1);
      const jobs = await handle.db
        .selectFrom('jobs')
        .select(['kind', 'status'])
        .where('payload', '=', JSON.stringify({ articleId: id }))
        .execute();
      expect(jobs.map((j) => j.kind).sort()).toEqual([...REGISTRY.articleChangedJobs].sort());
      expect(jobs.every((j) => j.status === 'done')).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
