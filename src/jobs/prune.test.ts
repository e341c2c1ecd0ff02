import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { z } from 'zod';
import { defineJob } from '../capability.ts';
import { assembleRegistry } from '../registry.ts';
import { enqueueJob } from './queue.ts';
import { JobWorker, pruneFinishedJobs } from './worker.ts';

const HOUR = 3_600_000;

describe.each(await testDialects())('pruning finished jobs on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = {
      db: t.db,
      dialect,
      config: loadConfig({}, { logLevel: 'silent', jobRetentionHours: 24 }),
      log: pino({ level: 'silent' }),
      registry: assembleRegistry([
        { name: 'test', jobs: [defineJob({ kind: 'test.prune-noop', payload: z.unknown(), run: async () => {} })] },
      ]),
      nudgeJobs: () => {},
    };
  });
  afterEach(() => t.dispose());

  /** One job per (status, age) the pruner must tell apart. */
  async function seed(now: number): Promise<void> {
    const rows = [
      { payload: 'old-done', status: 'done', finished_at: now - 25 * HOUR },
      { payload: 'fresh-done', status: 'done', finished_at: now - 23 * HOUR },
      { payload: 'old-failed', status: 'failed', finished_at: now - 500 * HOUR },
      { payload: 'old-pending', status: 'pending', finished_at: null },
    ] as const;
    for (const r of rows) {
      await t.db
        .insertInto('jobs')
        .values({
          kind: 'test.prune-old',
          payload: r.payload,
          status: r.status,
          run_at: now - 600 * HOUR,
          attempts: 1,
          max_attempts: 8,
          created_at: now - 600 * HOUR,
          finished_at: r.finished_at,
        })
        .execute();
    }
  }
  const left = async () =>
    (
      await t.db.selectFrom('jobs').select('payload').where('kind', '=', 'test.prune-old').orderBy('payload').execute()
    ).map((r) => r.payload);

  it('deletes done jobs past the retention and keeps failed, pending and recent ones', async () => {
    const now = Date.now();
    await seed(now);
    expect(await pruneFinishedJobs(deps, 24 * HOUR, now)).toBe(1);
    expect(await left()).toEqual(['fresh-done', 'old-failed', 'old-pending']);
  });

  it('works through a backlog larger than one batch', async () => {
    const now = Date.now();
    for (let i = 0; i < 25; i++) {
      await t.db
        .insertInto('jobs')
        .values({
          kind: 'test.prune-old',
          payload: `b${i}`,
          status: 'done',
          run_at: 0,
          attempts: 1,
          max_attempts: 8,
          created_at: 0,
          finished_at: now - 48 * HOUR,
        })
        .execute();
    }
    expect(await pruneFinishedJobs(deps, 24 * HOUR, now, 10)).toBe(25);
    expect(await left()).toEqual([]);
  });

  it('the worker prunes on its schedule with the configured retention, once per interval', async () => {
    const now = Date.now();
    await seed(now);
    const worker = new JobWorker(deps, { pruneEveryMs: HOUR });
    // drain() is what `sosik jobs run` does; the running worker's loop calls the same pruneIfDue.
    await enqueueJob(t.db, 'test.prune-noop', {});
    expect(await worker.drain()).toBe(1);
    expect(await left()).toEqual(['fresh-done', 'old-failed', 'old-pending']);
    // Two hours later "fresh-done" is past the 24 h retention, but the next prune is not due until
    // an hour after the last one.
    await t.db
      .updateTable('jobs')
      .set({ finished_at: now - 30 * HOUR })
      .where('payload', '=', 'fresh-done')
      .execute();
    expect(await worker.pruneIfDue(now + HOUR / 2)).toBe(0);
    expect(await worker.pruneIfDue(now + 2 * HOUR)).toBe(1);
    expect(await left()).toEqual(['old-failed', 'old-pending']);
  });
});
