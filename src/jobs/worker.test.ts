import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { z } from 'zod';
import { defineJob } from '../capability.ts';
import { assembleRegistry } from '../registry.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { backoffMs, enqueueJob } from './queue.ts';
import { JobWorker } from './worker.ts';

describe('backoff', () => {
  it('grows exponentially with jitter and is capped at an hour', () => {
    expect(backoffMs(1, () => 0.5)).toBe(2000);
    expect(backoffMs(3, () => 0.5)).toBe(8000);
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000);
    expect(backoffMs(2, () => 0)).toBe(3000);
  });
});

describe.each(await testDialects())('job queue on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  const ran: number[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const record = defineJob({
      kind: 'test.record',
      payload: z.object({ n: z.number() }),
      run: async (p) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('flaky');
        }
        ran.push(p.n);
      },
    });
    const alwaysFails = defineJob({
      kind: 'test.always-fails',
      payload: z.unknown(),
      run: async () => {
        throw new Error('broken for good');
      },
    });
    const registry = assembleRegistry([{ name: 'test', jobs: [record, alwaysFails] }]);
    const config = loadConfig({}, { logLevel: 'silent' });
    deps = { db: t.db, dialect, config, log: pino({ level: 'silent' }), registry, nudgeJobs: () => {} };
  });
  afterAll(() => t.dispose());

  it('a job enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'test.record', { n: -1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.record').execute()).toHaveLength(0);
  });

  it('runs committed jobs once, in order', async () => {
    await t.db.transaction().execute(async (trx) => {
      for (const n of [1, 2, 3]) await enqueueJob(trx, 'test.record', { n });
    });
    const worker = new JobWorker(deps);
    expect(await worker.drain()).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
    expect(await worker.drain()).toBe(0);
    const statuses = await t.db.selectFrom('jobs').select('status').where('kind', '=', 'test.record').execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('retries a failing job later with backoff, then succeeds', async () => {
    ran.length = 0;
    failuresLeft = 1;
    await enqueueJob(t.db, 'test.record', { n: 7 });
    const worker = new JobWorker(deps);
    await worker.runOnce();
    const job = await t.db.selectFrom('jobs').selectAll().where('payload', '=', '{"n":7}').executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(job.attempts).toBe(1);
    expect(job.last_error).toBe('flaky');
    expect(job.run_at).toBeGreaterThan(Date.now());
    expect(await worker.runOnce()).toBe(0); // not due yet
    await t.db
      .updateTable('jobs')
      .set({ run_at: Date.now() - 1 })
      .where('id', '=', job.id)
      .execute();
    await worker.drain();
    expect(ran).toEqual([7]);
  });

  it('parks a job as failed after its last attempt', async () => {
    await enqueueJob(t.db, 'test.always-fails', {}, { maxAttempts: 2 });
    const worker = new JobWorker(deps);
    for (let i = 0; i < 2; i++) {
      await t.db.updateTable('jobs').set({ run_at: 0 }).where('kind', '=', 'test.always-fails').execute();
      await worker.runOnce();
    }
    const job = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'test.always-fails')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(2);
    expect(job.last_error).toBe('broken for good');
  });

  it('reclaims a job whose worker died holding it (lease expired)', async () => {
    ran.length = 0;
    await enqueueJob(t.db, 'test.record', { n: 42 });
    await t.db
      .updateTable('jobs')
      .set({ locked_by: 'dead-worker', locked_until: Date.now() - 1, attempts: 1 })
      .where('payload', '=', '{"n":42}')
      .execute();
    await new JobWorker(deps).drain();
    expect(ran).toEqual([42]);
  });

  it('workers sharing the queue never run one job twice', async () => {
    ran.length = 0;
    await t.db.transaction().execute(async (trx) => {
      for (let n = 100; n < 160; n++) await enqueueJob(trx, 'test.record', { n });
    });
    const workers = [
      new JobWorker(deps, { batchSize: 5 }),
      new JobWorker(deps, { batchSize: 5 }),
      new JobWorker(deps, { batchSize: 5 }),
    ];
    await Promise.all(workers.map((w) => w.drain()));
    expect(ran).toHaveLength(60);
    expect(new Set(ran).size).toBe(60);
  });
});
