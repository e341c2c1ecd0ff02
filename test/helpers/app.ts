// A real app on a real test database, for route tests through app.inject (no network, no mocks).
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, REGISTRY } from '../../src/app.ts';
import type { Registry } from '../../src/capability.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { ChangeBus } from '../../src/db/change-bus.ts';
import type { Dialect } from '../../src/db/database.ts';
import type { AppDeps } from '../../src/deps.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import { createTestDb, type TestDb } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  db: TestDb;
  /** Runs every due job now (the in-process worker is not started in tests). */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  registry: Registry = REGISTRY,
): Promise<TestApp> {
  const db = await createTestDb(dialect);
  // Pages are not cached in tests unless a test asks: most tests change data and look again at once.
  const config = loadConfig(
    {},
    { publicUrl: 'http://sosik.test', logLevel: 'silent', pageCacheSeconds: 0, ...overrides },
  );
  // Changes are delivered in this process only (cross-process delivery: test/page-cache-processes.test.ts).
  const changes = new ChangeBus(`test:${crypto.randomUUID()}`);
  const deps: AppDeps = {
    db: db.db,
    dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry,
    changes,
  };
  const app = await buildApp(deps);
  await app.ready();
  const worker = new JobWorker(deps);
  return {
    app,
    deps,
    db,
    runJobs: () => worker.drain(),
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}
