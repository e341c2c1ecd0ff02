// Child process for crash.test.ts: a worker process that delivers due mail through the test's
// SMTP server and exits. The test's SMTP server kills it with SIGKILL at the moment under test.
// Environment: DATABASE_URL or SOSIK_DB, SOSIK_SMTP_URL.
import { REGISTRY } from '../app.ts';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { JobWorker } from '../jobs/worker.ts';

const config = loadConfig(process.env, { demo: false, logLevel: 'silent', publicUrl: 'https://news.example.org' });
const handle = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
const deps = {
  db: handle.db,
  dialect: handle.dialect,
  config,
  log: pino({ level: 'silent' }),
  nudgeJobs: () => {},
  registry: REGISTRY,
};
await new JobWorker(deps).drain();
await handle.close();
