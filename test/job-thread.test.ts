// `sosik serve` runs its job worker in a thread of its own (src/job-thread-main.ts), so clustering
// and indexing never hold a request up. The jobs still run after every POST, their results show on
// the pages, the process still stops gracefully; and what the jobs change is handed to the web
// thread's listeners (on SQLite nothing else would tell its page cache).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { FIXTURE_ARTICLES } from '../src/issues/test-fixtures.ts';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { ChangeBus } from '../src/db/change-bus.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { JobThreadRunner } from '../src/job-thread-runner.ts';
import { REGISTRY } from '../src/app.ts';
import { ingestArticle } from '../src/articles/index.ts';
import { TEST_PG_URL, pgUrlWithSchema, testDialects } from './helpers/databases.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin/sosik.js');
const THREAD_READY = 'job worker and background loops running in their own thread';

function sosik(args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`sosik ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout;
}

/** Resolves once the server listens and its job thread said it runs (both lines on stdout). */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m && out.includes(THREAD_READY)) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(await testDialects())('the job thread of sosik serve on %s', (dialect) => {
  it('runs the jobs of every POST, shows what they did and stops cleanly', { timeout: 150_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-job-thread-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SOSIK_DEMO: '0',
      LOG_LEVEL: 'info',
      SOSIK_FEEDS_POLL: '0',
      SOSIK_DB: path.join(dir, 'db.sqlite'),
      SOSIK_PAGE_CACHE_SECONDS: '120',
    };
    if (dialect === 'postgres') {
      const schema = `crash_${crypto.randomBytes(5).toString('hex')}`; // dropped by global-setup
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      env.DATABASE_URL = pgUrlWithSchema(schema);
    }
    const keys = ['thread-one', 'thread-two'].map(
      (slug) =>
        (JSON.parse(sosik(['press', 'add', '--slug', slug, '--name', slug, '--json'], env)) as { apiKey: string })
          .apiKey,
    );
    const { child, port } = await startServer(env);
    const base = `http://127.0.0.1:${port}`;
    const handle = openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.SOSIK_DB });
    try {
      const empty = await fetch(`${base}/issues`);
      expect(empty.status).toBe(200);
      expect(await empty.text()).not.toContain('은빛대교');
      const cached = await fetch(`${base}/issues`);
      await cached.arrayBuffer();
      expect(cached.headers.get('x-page-cache')).toBe('hit');

      // One story from two presses: issues.assign makes it a visible issue.
      const bridge = FIXTURE_ARTICLES.filter((a) => a.story === 'bridge').slice(0, 2);
      const ids: number[] = [];
      for (const [i, a] of bridge.entries()) {
        const res = await fetch(`${base}/api/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${keys[i]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ uri: `urn:thread:${i}`, type: 'text', headline: a.headline, body_text: a.body }),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: number }).id);
      }
      await until('the jobs of both articles', async () => {
        const open = await handle.db
          .selectFrom('jobs')
          .select('id')
          .where('status', '!=', 'done')
          .where(
            'payload',
            'in',
            ids.map((id) => JSON.stringify({ articleId: id })),
          )
          .execute();
        return open.length === 0 ? true : undefined;
      });
      const members = await handle.db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where('article_id', 'in', ids)
        .execute();
      expect(new Set(members.map((m) => m.issue_id)).size).toBe(1);
      const page = await until(
        'the issue on /issues',
        async () => {
          const html = await (await fetch(`${base}/issues`)).text();
          return html.includes('은빛대교') ? html : undefined;
        },
        20_000,
      );
      expect(page).toContain('은빛대교');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // A graceful stop: the job thread finishes and the process exits by itself.
      expect(await exited).toBe(0);
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the job thread on SQLite', () => {
  it('hands the changes its jobs announce to the web thread', { timeout: 90_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-job-thread-'));
    const config = loadConfig({}, { sqlitePath: path.join(dir, 'db.sqlite'), logLevel: 'silent', demo: false });
    const handle = openDatabase({ sqlitePath: config.sqlitePath });
    const bus = new ChangeBus(`test:${crypto.randomUUID()}`);
    const heard: string[] = [];
    bus.subscribe((tags) => heard.push(...tags));
    const runner = new JobThreadRunner(config, pino({ level: 'silent' }), bus);
    try {
      await migrateToLatest(handle);
      const deps = {
        db: handle.db,
        dialect: handle.dialect,
        config,
        log: pino({ level: 'silent' }),
        registry: REGISTRY,
        nudgeJobs: () => {},
      };
      const press = await handle.db
        .insertInto('presses')
        .values({ slug: 'thread', name: 'thread', created_at: Date.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const a = FIXTURE_ARTICLES[0]!;
      const { id } = await ingestArticle(deps, {
        pressId: press.id,
        source: 'api',
        input: {
          uri: 'urn:thread:bus',
          headline: a.headline,
          bodyHtml: `<p>${a.body}</p>`,
          lang: 'ko',
          bylines: [],
          subjects: [],
          keywords: [],
          photos: [],
          pubstatus: 'usable',
        },
        original: {},
      });
      expect(heard).toEqual([]); // no bus in these deps: whatever is heard below came from the thread
      runner.start();
      const membership = await until('the article in an issue', async () =>
        handle.db.selectFrom('issue_articles').select('issue_id').where('article_id', '=', id).executeTakeFirst(),
      );
      await until(
        'the issue change heard here',
        async () => (heard.includes(`issue:${membership.issue_id}`) ? true : undefined),
        20_000,
      );
      expect(heard).toContain('issues');
    } finally {
      await runner.stop();
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
