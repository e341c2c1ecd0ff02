// Never sent twice, never lost, across kill -9: a worker process delivers through an SMTP server
// started here, which kills the worker at the worst moments; a second worker process then runs.
//   killed right after the server's 250 → one copy arrived; the row is `uncertain`, not resent
//   killed while connecting (nothing sent) → sent exactly once by the restarted worker
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_URL, pgUrlWithSchema, testDialects } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type DbHandle, type Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { UNCERTAIN_AFTER_CRASH } from './deliver.ts';
import { MAIL_JOB, enqueueMail } from './enqueue.ts';
import { verifyEmailTemplate } from './reader-templates.ts';
import { findMail } from './store.ts';
import { buildMail } from './template.tsx';
import { parseComposedMail, startSmtpServer, type SmtpServerOptions, type TestSmtpServer } from './test-support.ts';

const CHILD = path.join(import.meta.dirname, 'crash.child.ts');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface World {
  env: NodeJS.ProcessEnv;
  handle: DbHandle;
  server: TestSmtpServer;
  /** The worker process running now (the SMTP server kills it). */
  child?: ReturnType<typeof spawn>;
}

async function world(dialect: Dialect, smtp: (w: World) => SmtpServerOptions): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-mail-crash-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, SOSIK_DB: path.join(dir, 'db.sqlite'), DATABASE_URL: '' };
  if (dialect === 'postgres') {
    const schema = `crash_${crypto.randomBytes(5).toString('hex')}`; // dropped by test/helpers/global-setup.ts
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    env.DATABASE_URL = pgUrlWithSchema(schema);
  }
  const handle = openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.SOSIK_DB });
  cleanups.push(() => handle.close());
  await migrateToLatest(handle);
  const w = { env, handle } as World;
  w.server = await startSmtpServer(smtp(w));
  cleanups.push(() => w.server.close());
  env.SOSIK_SMTP_URL = w.server.url;
  return w;
}

/** Runs one worker process to its end; resolves with the signal that ended it, if any. */
function runWorker(w: World): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: w.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    w.child = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      w.child = undefined;
      if (signal) return resolve(signal);
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${stderr}`));
      resolve(null);
    });
  });
}

/** SIGSTOP, and wait until the kernel reports the process stopped (Linux /proc; elsewhere best effort). */
function freeze(child: ReturnType<typeof spawn>): void {
  child.kill('SIGSTOP');
  const stat = `/proc/${child.pid}/stat`;
  if (!fs.existsSync(stat)) return;
  const until = Date.now() + 5000;
  // The state is the field after the parenthesised command name.
  while (Date.now() < until && !/\) [Tt] /.test(fs.readFileSync(stat, 'utf8'))) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  }
}

/** What a restarted process sees once the dead worker's lease ran out (the test moves the clock, it does not wait). */
async function expireLeases(handle: DbHandle): Promise<void> {
  await handle.db.updateTable('jobs').set({ locked_until: 0 }).where('status', '=', 'pending').execute();
}

async function enqueueVerify(handle: DbHandle, key: string): Promise<number> {
  const config = loadConfig({}, { publicUrl: 'https://news.example.org', siteName: '소식' });
  const message = buildMail(
    config,
    verifyEmailTemplate,
    { site: '소식', name: '하늘', verifyUrl: 'https://news.example.org/verify?t=1', hours: 24 },
    { to: 'sky@example.com', lang: 'ko', key },
  );
  const { id } = await handle.db.transaction().execute((trx) => enqueueMail(trx, message));
  return id;
}

describe.each(await testDialects())('mail survives kill -9 on %s', (dialect) => {
  it('killed right after the 250: exactly one copy, and the message ends up uncertain, not resent', async () => {
    let killed = false;
    const w = await world(dialect, (self) => ({
      // A worker reads the 250 and records it within microseconds, as fast as a kill can land.
      // So the worker is frozen before the 250 goes out and killed once it is on the wire: the
      // moment "accepted by the server, not yet recorded", every time.
      beforeAccept: () => {
        if (killed) return;
        freeze(self.child!);
      },
      afterAccept: () => {
        if (killed) return;
        killed = true;
        setImmediate(() => self.child!.kill('SIGKILL'));
      },
    }));
    const id = await enqueueVerify(w.handle, 'verify-email:user:1:1');

    expect(await runWorker(w)).toBe('SIGKILL');
    expect(w.server.received).toHaveLength(1);
    expect((await findMail(w.handle.db, id))?.state).toBe('sending');

    await expireLeases(w.handle);
    expect(await runWorker(w)).toBeNull();

    expect(w.server.received).toHaveLength(1);
    expect(w.server.attempts).toBe(1);
    const row = await findMail(w.handle.db, id);
    expect(row).toMatchObject({ state: 'uncertain', last_response: UNCERTAIN_AFTER_CRASH });
    expect(parseComposedMail(w.server.received[0]!.raw).headers.get('message-id')).toBe(row!.message_id);
    const jobs = await w.handle.db.selectFrom('jobs').select(['status']).where('kind', '=', MAIL_JOB).execute();
    expect(jobs).toEqual([{ status: 'done' }]);
  });

  it('killed before anything was sent: sent exactly once after restart', async () => {
    let killed = false;
    const w = await world(dialect, (self) => ({
      onConnect: () => {
        if (killed) return;
        killed = true;
        self.child!.kill('SIGKILL'); // connected, no greeting yet: nothing can have been sent
      },
    }));
    const id = await enqueueVerify(w.handle, 'verify-email:user:2:1');

    expect(await runWorker(w)).toBe('SIGKILL');
    expect(w.server.received).toHaveLength(0);
    expect((await findMail(w.handle.db, id))?.state).toBe('pending');

    await expireLeases(w.handle);
    expect(await runWorker(w)).toBeNull();

    expect(w.server.received).toHaveLength(1);
    const parsed = parseComposedMail(w.server.received[0]!.raw);
    expect(parsed.headers.get('subject')).toBe('[소식] 이메일 주소를 확인해 주세요');
    expect(parsed.text).toContain('https://news.example.org/verify?t=1');
    expect(await findMail(w.handle.db, id)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
