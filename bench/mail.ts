// `npm run bench:mail`: messages per second through the mail path on SQLite — build + enqueue
// (one transaction each), then delivery by the job worker over SMTP to a local smtp-server and
// into the outbox folder — against nodemailer sending the same messages with no database and no
// state machine (a new connection per message, as ours; and pooled, what connection reuse buys).
// Median of BENCH_RUNS (3) runs of BENCH_MAIL (300) messages.
// Note: smtp-server waits 100 ms before its greeting (early-talker detection), as many real MTAs
// do; so one connection per message is bounded near 9/s by the server, which is what the pooled
// baseline shows connection reuse would buy for bulk mail (digests).
import { REGISTRY } from '../src/app.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { JobWorker } from '../src/jobs/worker.ts';
import { enqueueMail } from '../src/mail/enqueue.ts';
import { passwordResetTemplate } from '../src/mail/reader-templates.ts';
import { buildMail } from '../src/mail/template.tsx';
import { startSmtpServer } from '../src/mail/test-support.ts';

const N = Number(process.env.BENCH_MAIL ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function message(config: Config, i: number) {
  return buildMail(
    config,
    passwordResetTemplate,
    { site: '소식', name: `독자${i}`, resetUrl: `https://news.example.org/reset?t=${i}`, minutes: 30 },
    {
      to: `reader${i}@example.com`,
      lang: i % 2 ? 'ko' : 'en',
      key: `bench:${i}`,
    },
  );
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return N / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function ourPath(smtpUrl: string, dir: string, run: number): Promise<{ enqueue: number; deliver: number }> {
  const outboxDir = path.join(dir, `outbox-${run}-${smtpUrl ? 'smtp' : 'files'}`);
  const handle = openDatabase({ sqlitePath: path.join(dir, `bench-${run}-${smtpUrl ? 'smtp' : 'files'}.db`) });
  await migrateToLatest(handle);
  const config = loadConfig({}, { publicUrl: 'https://news.example.org', smtpUrl, outboxDir, logLevel: 'silent' });
  const deps: AppDeps = {
    db: handle.db,
    dialect: 'sqlite',
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
  const enqueue = await timed(async () => {
    for (let i = 0; i < N; i++) await handle.db.transaction().execute((trx) => enqueueMail(trx, message(config, i)));
  });
  const deliver = await timed(async () => {
    await new JobWorker(deps, { batchSize: 50 }).drain();
  });
  const sent = await handle.db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow();
  if (Number(sent.n) !== N) throw new Error(`only ${sent.n} of ${N} sent`);
  await handle.close();
  return { enqueue, deliver };
}

async function bareNodemailer(port: number, pool: boolean): Promise<number> {
  const config = loadConfig({}, { publicUrl: 'https://news.example.org' });
  const messages = Array.from({ length: N }, (_, i) => message(config, i));
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool,
    maxConnections: 1,
  });
  const rate = await timed(async () => {
    for (const m of messages) {
      await transport.sendMail({
        from: 'no-reply@news.example.org',
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
      });
    }
  });
  transport.close();
  return rate;
}
const server = await startSmtpServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-mail-'));
const results: Record<string, number[]> = {};
const add = (k: string, v: number) => {
  results[k] = [...(results[k] ?? []), v];
};
try {
  for (let run = 0; run < RUNS; run++) {
    const smtp = await ourPath(server.url, dir, run);
    add('enqueue (build + insert, 1 tx each)', smtp.enqueue);
    add('deliver: Sosik worker → SMTP', smtp.deliver);
    add('deliver: Sosik worker → outbox files', (await ourPath('', dir, run)).deliver);
    add('baseline: nodemailer, new connection each', await bareNodemailer(server.port, false));
    add('baseline: nodemailer, pooled connection', await bareNodemailer(server.port, true));
  }
} finally {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`mail path, SQLite, ${N} messages, median of ${RUNS} runs`);
console.log(`  ${'stage'.padEnd(44)} ${'msg/s'.padStart(7)} ${'ms/msg'.padStart(8)}   runs (msg/s)`);
for (const [k, v] of Object.entries(results)) {
  const m = median(v);
  console.log(
    `  ${k.padEnd(44)} ${m.toFixed(1).padStart(7)} ${(1000 / m).toFixed(2).padStart(8)}   ${v.map((x) => x.toFixed(1)).join(', ')}`,
  );
}
