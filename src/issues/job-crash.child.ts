// Child process for job-crash.test.ts: stores the fixture articles with their issues.assign jobs
// (committed together, as ingest does), runs the first few jobs, then dies without warning.
import pino from 'pino';
import { REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { JobWorker } from '../jobs/worker.ts';
import { FIXTURE_ARTICLES, storeFixtures } from './test-fixtures.ts';

const [file, jobsBeforeCrash] = process.argv.slice(2);
const handle = openDatabase({ sqlitePath: file! });
await migrateToLatest(handle);
await handle.db.transaction().execute(async (trx) => {
  const ids = await storeFixtures(trx as unknown as typeof handle.db, FIXTURE_ARTICLES);
  for (const articleId of ids) await enqueueJob(trx, 'issues.assign', { articleId });
});
const deps = {
  db: handle.db,
  dialect: handle.dialect,
  config: loadConfig({}, { demo: false }),
  log: pino({ level: 'silent' }),
  nudgeJobs: () => {},
  registry: REGISTRY,
};
const worker = new JobWorker(deps, { batchSize: 1 });
for (let i = 0; i < Number(jobsBeforeCrash); i++) await worker.runOnce();
process.kill(process.pid, 'SIGKILL');
