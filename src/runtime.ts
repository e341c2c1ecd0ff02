// Opens everything a process needs (database, migrations, logger, job worker) from the config.
import pino, { type Logger } from 'pino';
import { REGISTRY } from './app.ts';
import type { Registry } from './capability.ts';
import type { Config } from './config.ts';
import type { JobRunner, Runtime } from './capability.ts';
import { openDatabase } from './db/database.ts';
import { openChangeBus } from './db/open-change-bus.ts';
import { migrateToLatest } from './db/migrate.ts';
import { newWriteGateBuffer, WriteGate } from './db/write-gate.ts';
import type { AppDeps } from './deps.ts';
import { JobWorker } from './jobs/worker.ts';
import { JobThreadRunner } from './job-thread-runner.ts';
import { registerPoolMetrics } from './web/metrics.ts';

export type { Runtime };

/** JSON logs; one-shot CLI commands log to stderr so their stdout stays machine-readable. */
export function createLogger(config: Pick<Config, 'logLevel'>, stream: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    {
      level: config.logLevel,
      // Belt and braces: should a header or body ever be logged, these never are.
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'password',
        'apiKey',
        'smtpUrl',
        'config.smtpUrl',
      ],
    },
    pino.destination(stream === 'stdout' ? 1 : 2),
  );
}

export interface RuntimeOptions {
  /**
   * Run the job worker (and the background loops) in a worker thread with its own connection
   * (`sosik serve`, unless SOSIK_JOB_THREAD=0 or the database lives in this process's memory).
   */
  jobsInThread?: boolean;
  /**
   * This is the job thread: its SQLite writes pass the web thread's write gate (this buffer), after
   * any web writer waiting for it.
   */
  webWriteGate?: SharedArrayBuffer;
}

export async function openRuntime(
  config: Config,
  log = createLogger(config),
  registry: Registry = REGISTRY,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  // On SQLite the web thread's writers go first through a gate shared with its job thread.
  const writeGate = options.webWriteGate
    ? new WriteGate(options.webWriteGate, 'second')
    : new WriteGate(newWriteGateBuffer(), 'first');
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, writeGate });
  const applied = await migrateToLatest(handle);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const changes = await openChangeBus({ config }, log);
  registerPoolMetrics(handle);
  let worker: JobRunner | undefined;
  const deps: AppDeps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    log,
    registry,
    nudgeJobs: () => worker?.nudge(),
    changes,
  };
  const inThread = options.jobsInThread && config.jobThread && !(handle.dialect === 'sqlite' && isMemory(config));
  worker = inThread ? new JobThreadRunner(config, log, changes, writeGate.buffer) : new JobWorker(deps);
  return {
    jobsInThread: inThread,
    deps,
    handle,
    worker,
    close: async () => {
      await worker.stop();
      await changes.close();
      await handle.close();
    },
  };
}

function isMemory(config: Pick<Config, 'sqlitePath'>): boolean {
  return !config.sqlitePath || config.sqlitePath === ':memory:';
}
