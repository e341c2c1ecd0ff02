// What every service, route and job handler receives: plain values, no globals.
import type { Logger } from 'pino';
import type { Registry } from './capability.ts';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/database.ts';

export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
  log: Logger;
  /** What the capability manifests declare (job kinds, slots, feeds, commands…), assembled once. */
  registry: Registry;
  /** Wakes the in-process job worker after a commit that enqueued work (no-op without one). */
  nudgeJobs(): void;
}
