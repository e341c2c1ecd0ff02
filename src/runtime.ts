// Opens everything a process needs (database, migrations, logger, job worker) from the config.
import pino, { type Logger } from 'pino';
import { REGISTRY } from './app.ts';
import type { Registry } from './capability.ts';
import type { Config } from './config.ts';
import type { Runtime } from './capability.ts';
import { openDatabase } from './db/database.ts';
import { openChangeBus } from './db/open-change-bus.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { AppDeps } from './deps.ts';
import { JobWorker } from './jobs/worker.ts';
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

export async function openRuntime(
  config: Config,
  log = createLogger(config),
  registry: Registry = REGISTRY,
): Promise<Runtime> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const applied = await migrateToLatest(handle);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const changes = await openChangeBus({ config }, log);
  registerPoolMetrics(handle);
  let worker: JobWorker | undefined;
  const deps: AppDeps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    log,
    registry,
    nudgeJobs: () => worker?.nudge(),
    changes,
  };
  worker = new JobWorker(deps);
  return {
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
