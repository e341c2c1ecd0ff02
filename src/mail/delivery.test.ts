// The mail path end to end on SQLite and PostgreSQL: enqueue in a transaction, the job worker,
// a real SMTP server started here (smtp-server on 127.0.0.1), and what that server received.
import { REGISTRY } from '../app.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Dialect } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { JobWorker } from '../jobs/worker.ts';
import { MAIL_JOB, MAIL_MAX_ATTEMPTS, enqueueMail } from './enqueue.ts';
import { messageIdFor } from './message.ts';
import { outboxFileName } from './outbox-transport.ts';
import { passwordResetTemplate } from './reader-templates.ts';
import { findMail } from './store.ts';
import { buildMail } from './template.tsx';
import { mailSettingsCheck } from './settings-check.ts';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from './test-support.ts';

interface Env {
  db: TestDb;
  deps: AppDeps;
  worker: JobWorker;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(dialect: Dialect, overrides: Partial<Config>): Promise<Env> {
  const db = await createTestDb(dialect);
  cleanups.push(() => db.dispose());
  const config = loadConfig(
    {},
    {
      publicUrl: 'https://news.example.org',
      siteName: '소식',
      logLevel: 'silent',
      mailFrom: '소식 <no-reply@news.example.org>',
      ...overrides,
    },
  );
  const deps: AppDeps = {
    db: db.db,
    dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
  return { db, deps, worker: new JobWorker(deps) };
}

async function smtp(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options);
  cleanups.push(() => server.close());
  return server;
}

function resetMail(config: Config, key: string, lang: 'ko' | 'en', to = 'reader@example.com') {
  return buildMail(
    config,
    passwordResetTemplate,
    { site: config.siteName, name: '<b>민지</b>', resetUrl: 'https://news.example.org/reset?t=abc&x=1', minutes: 30 },
    { to, lang, key },
  );
}

/** Jobs retry with backoff; a test makes the retry due now instead of waiting for it. */
async function makeRetriesDue(env: Env): Promise<void> {
  await env.db.db.updateTable('jobs').set({ run_at: 0 }).where('status', '=', 'pending').execute();
}

async function mailJobs(env: Env) {
  return env.db.db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'last_error'])
    .where('kind', '=', MAIL_JOB)
    .execute();
}

describe.each(await testDialects())('mail on %s', (dialect) => {
  it('sends text and HTML parts in the reader’s language with From and a deterministic Message-ID', async () => {
    const server = await smtp({ auth: { user: 'sosik', pass: 'p@ss word' } });
    const env = await setup(dialect, { smtpUrl: server.url });
    const message = resetMail(env.deps.config, 'password-reset:user:7:1', 'en');
    const { id } = await env.db.db.transaction().execute((trx) => enqueueMail(trx, message));
    expect(await env.worker.drain()).toBe(1);

    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.from).toBe('no-reply@news.example.org');
    expect(got.to).toEqual(['reader@example.com']);
    const parsed = parseComposedMail(got.raw);
    expect(parsed.headers.get('from')).toBe('소식 <no-reply@news.example.org>');
    expect(parsed.headers.get('subject')).toBe('[소식] Reset your password');
    expect(parsed.headers.get('content-language')).toBe('en');
    expect(parsed.headers.get('message-id')).toBe(messageIdFor('password-reset:user:7:1', env.deps.config));
    expect(parsed.headers.get('message-id')).toMatch(/^<[0-9a-f]{32}\.sosik@news\.example\.org>$/);
    expect(parsed.text).toContain('Hello <b>민지</b>,');
    expect(parsed.text).toContain('Choose a new password:\nhttps://news.example.org/reset?t=abc&x=1');
    expect(parsed.html).toContain('<html lang="en">');
    expect(parsed.html).toContain('Hello &lt;b>민지&lt;/b>,');
    expect(parsed.html).toContain('href="https://news.example.org/reset?t=abc&amp;x=1"');

    const row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, transport: 'smtp', text_body: null, html_body: null });
    expect(row!.last_response).toContain('OK queued');
    expect(await mailJobs(env)).toEqual([expect.objectContaining({ status: 'done' })]);
  });

  it('writes Korean messages for Korean readers', async () => {
    const server = await smtp();
    const env = await setup(dialect, { smtpUrl: server.url });
    await enqueueMail(env.db.db, resetMail(env.deps.config, 'password-reset:user:8:1', 'ko'));
    await env.worker.drain();
    const parsed = parseComposedMail(server.received[0]!.raw);
    expect(parsed.headers.get('subject')).toBe('[소식] 비밀번호 재설정 안내');
    expect(parsed.headers.get('content-language')).toBe('ko');
    expect(parsed.text).toContain('새 비밀번호 정하기:\nhttps://news.example.org/reset');
    expect(parsed.html).toContain('<html lang="ko">');
  });

  it('commits with its cause or not at all, and one key is one message', async () => {
    const server = await smtp();
    const env = await setup(dialect, { smtpUrl: server.url });
    const message = resetMail(env.deps.config, 'password-reset:user:9:1', 'ko');
    await expect(
      env.db.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, message);
        throw new Error('the sign-up failed after the mail was queued');
      }),
    ).rejects.toThrow('sign-up failed');
    expect(await env.db.db.selectFrom('mail_messages').select('id').execute()).toEqual([]);
    expect(await mailJobs(env)).toEqual([]);

    const first = await enqueueMail(env.db.db, message);
    const again = await env.db.db.transaction().execute((trx) => enqueueMail(trx, message));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await env.worker.drain();
    expect(server.received).toHaveLength(1);
    expect(await mailJobs(env)).toHaveLength(1);
  });

  it('retries with backoff when the server refuses for now (4xx), then sends once', async () => {
    const server = await smtp({
      refuse: (i) => (i < 2 ? { code: 451, message: 'Try again later (greylisted)' } : undefined),
    });
    const env = await setup(dialect, { smtpUrl: server.url });
    const { id } = await enqueueMail(env.db.db, resetMail(env.deps.config, 'password-reset:user:10:1', 'en'));

    await env.worker.drain();
    expect(server.received).toHaveLength(0);
    let row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row!.last_response).toMatch(/^451 /);
    const [job] = await mailJobs(env);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job!.last_error).toContain('451');
    // The retry is scheduled in the future: draining now does not send.
    expect(await env.worker.drain()).toBe(0);

    await makeRetriesDue(env);
    await env.worker.drain();
    await makeRetriesDue(env);
    await env.worker.drain();
    expect(server.attempts).toBe(3);
    expect(server.received).toHaveLength(1);
    row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
    expect(await mailJobs(env)).toEqual([expect.objectContaining({ status: 'done', attempts: 3 })]);
  });

  it('parks the job at once when the server refuses for good (5xx)', async () => {
    const server = await smtp({ refuse: () => ({ code: 550, message: 'No such mailbox' }) });
    const env = await setup(dialect, { smtpUrl: server.url });
    const { id } = await enqueueMail(env.db.db, resetMail(env.deps.config, 'password-reset:user:11:1', 'en'));
    await env.worker.drain();
    await makeRetriesDue(env);
    await env.worker.drain();
    expect(server.attempts).toBe(1);
    const row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row!.last_response).toMatch(/^550 /);
    expect(await mailJobs(env)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);
  });

  it('keeps a message pending while the server is unreachable, and gives up after the last attempt', async () => {
    const server = await smtp();
    const port = server.port;
    await server.close();
    const env = await setup(dialect, { smtpUrl: `smtp://127.0.0.1:${port}` });
    const { id } = await enqueueMail(env.db.db, resetMail(env.deps.config, 'password-reset:user:12:1', 'en'));
    await env.worker.drain();
    expect(await findMail(env.db.db, id)).toMatchObject({ state: 'pending', attempts: 1 });
    for (let i = 1; i < MAIL_MAX_ATTEMPTS; i++) {
      await makeRetriesDue(env);
      await env.worker.drain();
    }
    const row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    expect(row!.last_response).toContain('ECONNREFUSED');
    expect(await mailJobs(env)).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('a failure before the point of no return leaves alone a message another worker is sending', async () => {
    let id = 0;
    let env: Env | undefined;
    const server = await smtp({
      // While this worker connects, another (that took the job over after a lease ran out)
      // reaches its point of no return; then this worker's connection is turned away.
      onConnect: async () => {
        await env!.db.db.updateTable('mail_messages').set({ state: 'sending' }).where('id', '=', id).execute();
        return { code: 421, message: 'Too busy' };
      },
    });
    env = await setup(dialect, { smtpUrl: server.url });
    id = (await enqueueMail(env.db.db, resetMail(env.deps.config, 'password-reset:user:14:1', 'en'))).id;
    await env.worker.drain();
    expect(server.attempts).toBe(0);
    // Not put back to pending (which would let a third attempt send a second copy).
    expect(await findMail(env.db.db, id)).toMatchObject({ state: 'sending' });
  });

  it.each(['implicit', 'starttls'] as const)(
    'refuses a mail server whose certificate it cannot trust (%s TLS), sending nothing',
    async (tls) => {
      const server = await smtp({ tls });
      const env = await setup(dialect, { smtpUrl: server.url });
      const { id } = await enqueueMail(env.db.db, resetMail(env.deps.config, `password-reset:user:13:${tls}`, 'en'));
      await env.worker.drain();
      expect(server.attempts).toBe(0);
      const row = await findMail(env.db.db, id);
      expect(row).toMatchObject({ state: 'pending', attempts: 1 });
      expect(row!.last_response).toMatch(/certificate/i);
    },
  );

  it('without SMTP writes one .eml per key to the outbox, and a rerun rewrites the same file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-outbox-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const env = await setup(dialect, { smtpUrl: '', outboxDir: dir });
    const message = buildMail(
      env.deps.config,
      mailSettingsCheck,
      { site: '소식', siteUrl: 'https://news.example.org/' },
      { to: 'admin@example.com', lang: 'ko', key: 'mail-test:1' },
    );
    const { id } = await enqueueMail(env.db.db, message);
    await env.worker.drain();
    expect(fs.readdirSync(dir)).toEqual([outboxFileName('mail-test:1')]);
    const parsed = parseComposedMail(fs.readFileSync(path.join(dir, outboxFileName('mail-test:1')), 'utf8'));
    expect(parsed.headers.get('subject')).toBe('[소식] 메일 설정 확인');
    expect(parsed.headers.get('message-id')).toBe(message.messageId);
    expect(parsed.text).toContain('https://news.example.org/');
    const row = await findMail(env.db.db, id);
    expect(row).toMatchObject({ state: 'sent', transport: 'outbox' });
    expect(row!.text_body).toContain('메일 발송 설정'); // kept: the outbox page shows it

    // As if the worker had died after renaming the file but before recording it.
    await env.db.db.updateTable('mail_messages').set({ state: 'sending' }).where('id', '=', id).execute();
    await env.db.db.updateTable('jobs').set({ status: 'pending', run_at: 0 }).execute();
    await env.worker.drain();
    expect(fs.readdirSync(dir)).toEqual([outboxFileName('mail-test:1')]);
    expect(await findMail(env.db.db, id)).toMatchObject({ state: 'sent' });
  });

  it('refuses a malformed message with field paths before anything is stored', async () => {
    const env = await setup(dialect, {});
    const good = resetMail(env.deps.config, 'k:1', 'en');
    const bad = { ...good, to: 'not an address', subject: 'two\r\nBcc: victim@example.com' };
    await expect(enqueueMail(env.db.db, bad)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 422,
      details: expect.arrayContaining([
        expect.objectContaining({ path: 'to' }),
        expect.objectContaining({ path: 'subject' }),
      ]),
    });
    expect(await env.db.db.selectFrom('mail_messages').select('id').execute()).toEqual([]);
    expect(() =>
      buildMail(
        env.deps.config,
        { ...passwordResetTemplate, action: () => ({ label: 'x', url: 'javascript:alert(1)' }) },
        { site: 's', name: 'n', resetUrl: '', minutes: 1 },
        { to: 'a@example.com', lang: 'en', key: 'k:2' },
      ),
    ).toThrow(/http\(s\)/);
  });
});
