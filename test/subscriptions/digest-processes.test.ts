// Nothing sent twice across processes and restarts: two `sosik digest run` processes started
// together (cron beside a second host's cron), then a third after both exited (a restart), on one
// database, deliver one digest to a real SMTP server. On a SQLite file and a PostgreSQL schema.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { AppDeps } from '../../src/deps.ts';
import { startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { TEST_PG_URL, testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { SOSIK_BIN, sharedPgSchema } from '../helpers/server-process.ts';

const DAY = 86_400_000;

function digestRun(env: NodeJS.ProcessEnv): Promise<{ code: number | null; sent: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SOSIK_BIN, 'digest', 'run'], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => resolve({ code, sent: Number(/digests sent: (\d+)/.exec(out)?.[1] ?? -1), out }));
  });
}

describe.each(await testDialects())('digest run in separate processes (%s)', (dialect: Dialect) => {
  let smtp: TestSmtpServer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-digest-processes-'));

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('two at once, then a restart: one digest', { timeout: 120_000 }, async () => {
    const target =
      dialect === 'sqlite'
        ? { sqlitePath: path.join(tmp, 'sosik.db') }
        : { databaseUrl: TEST_PG_URL, pgSchema: (await sharedPgSchema('xdigest')).schema };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(dialect === 'sqlite'
        ? { SOSIK_DB: target.sqlitePath, DATABASE_URL: '' }
        : { DATABASE_URL: `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${target.pgSchema}`)}` }),
      SOSIK_DEMO: '0',
      SOSIK_REDIS_URL: '',
      SOSIK_SMTP_URL: smtp.url,
      SOSIK_MAIL_FROM: '소식 <no-reply@sosik.test>',
      LOG_LEVEL: 'warn',
    };

    // A reader whose daily digest came due a minute ago, with an article from the day before.
    const handle = openDatabase({ ...target, poolSize: 2 });
    const now = Date.now();
    let readerEmail: string;
    try {
      await migrateToLatest(handle);
      const deps: AppDeps = {
        db: handle.db,
        dialect: handle.dialect,
        config: loadConfig({}, { logLevel: 'silent', demo: false }),
        log: pino({ level: 'silent' }),
        registry: REGISTRY,
        nudgeJobs: () => {},
      };
      const press = await addPress(deps, 'digest-daily', '아침일보');
      await addArticle(deps, press, { headline: '어제 들어온 기사' }, now - 3_600_000);
      readerEmail = `digest-${dialect}@example.kr`;
      const reader = await handle.db
        .insertInto('readers')
        .values({
          email: readerEmail,
          email_verified_at: now - DAY,
          password_hash: null,
          nickname: '아침독자',
          nickname_key: '아침독자',
          locale: 'ko',
          time_zone: 'Asia/Seoul',
          terms_accepted_at: now - DAY,
          created_at: now - DAY,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await handle.db
        .insertInto('subscriptions')
        .values({
          reader_id: reader.id,
          kind: 'press',
          target_id: press,
          query: null,
          target_key: String(press),
          delivery: 'digest',
          created_at: now - DAY,
        })
        .execute();
      await handle.db
        .insertInto('reader_news')
        .values({
          reader_id: reader.id,
          last_visit_at: now - DAY,
          digest: 'daily',
          digest_hour: 7,
          digest_weekday: 1,
          next_digest_at: now - 60_000,
          last_digest_at: now - DAY - 60_000,
        })
        .execute();
    } finally {
      await handle.close();
    }

    const together = await Promise.all([digestRun(env), digestRun(env)]);
    for (const run of together) expect(run.code, run.out).toBe(0);
    expect(together.map((r) => r.sent).sort()).toEqual([0, 1]);
    const restarted = await digestRun(env);
    expect(restarted.code, restarted.out).toBe(0);
    expect(restarted.sent).toBe(0);

    // Each run waits for the mail it enqueued before exiting: what arrived is all there will be.
    const digests = smtp.received.filter((m) => m.to.includes(readerEmail));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});
