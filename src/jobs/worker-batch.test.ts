// Job kinds with runBatch: the worker hands them all the claimed jobs of their kind at once, and
// when a batch fails it runs each job alone, so only the bad one is retried or parked.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb, type TestDb, testDialects } from '../../test/helpers/databases.ts';
import { defineJob } from '../capability.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { assembleRegistry } from '../registry.ts';
import { enqueueJobs } from './queue.ts';
import { JobWorker } from './worker.ts';

describe.each(await testDialects())('batched job kinds on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let batches: number[][];
  let singles: number[];
  let plain: number[];

  beforeEach(async () => {
    t = await createTestDb(dialect);
    batches = [];
    singles = [];
    plain = [];
    const batched = defineJob({
      kind: 'test.batched',
      payload: z.object({ n: z.number() }),
      run: async (p) => {
        if (p.n === 13) throw new Error('thirteen is refused');
        singles.push(p.n);
      },
      runBatch: async (ps) => {
        if (ps.some((p) => p.n === 13)) throw new Error('a batch with thirteen fails');
        batches.push(ps.map((p) => p.n));
      },
    });
    const unbatched = defineJob({
      kind: 'test.plain',
      payload: z.object({ n: z.number() }),
      run: async (p) => void plain.push(p.n),
    });
    deps = {
      db: t.db,
      dialect,
      config: loadConfig({}, { logLevel: 'silent' }),
      log: pino({ level: 'silent' }),
      registry: assembleRegistry([{ name: 'test', jobs: [batched, unbatched] }]),
      nudgeJobs: () => {},
    };
  });
  afterEach(() => t.dispose());

  const statuses = async () =>
    (await t.db.selectFrom('jobs').select(['payload', 'status']).orderBy('id').execute()).map(
      (j) => `${j.payload}:${j.status}`,
    );

  it('runs the claimed jobs of a batched kind in one call, in order, and the others one by one', async () => {
    await enqueueJobs(t.db, [
      { kind: 'test.batched', payload: { n: 1 } },
      { kind: 'test.plain', payload: { n: 2 } },
      { kind: 'test.batched', payload: { n: 3 } },
      { kind: 'test.batched', payload: { n: 4 } },
      { kind: 'test.batched', payload: { bad: true } },
    ]);
    expect(await new JobWorker(deps).drain()).toBe(5);
    expect(batches).toEqual([[1, 3, 4]]);
    expect(singles).toEqual([]);
    expect(plain).toEqual([2]);
    expect(await statuses()).toEqual([
      '{"n":1}:done',
      '{"n":2}:done',
      '{"n":3}:done',
      '{"n":4}:done',
      '{"bad":true}:failed',
    ]);
  });

  it('claims at most batchSize jobs per call', async () => {
    await enqueueJobs(
      t.db,
      Array.from({ length: 7 }, (_, n) => ({ kind: 'test.batched', payload: { n } })),
    );
    await new JobWorker(deps, { batchSize: 3 }).drain();
    expect(batches).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(singles).toEqual([6]); // a claim of one runs alone
  });

  it('when a batch fails, runs its jobs alone: the good ones finish, only the bad one is retried', async () => {
    await enqueueJobs(
      t.db,
      [12, 13, 14].map((n) => ({ kind: 'test.batched', payload: { n } })),
    );
    await new JobWorker(deps).runOnce();
    expect(batches).toEqual([]);
    expect(singles).toEqual([12, 14]);
    const rows = await t.db
      .selectFrom('jobs')
      .select(['payload', 'status', 'attempts', 'last_error'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.payload, r.status, r.attempts])).toEqual([
      ['{"n":12}', 'done', 1],
      ['{"n":13}', 'pending', 1],
      ['{"n":14}', 'done', 1],
    ]);
    expect(rows[1]!.last_error).toBe('thirteen is refused');
  });
});
