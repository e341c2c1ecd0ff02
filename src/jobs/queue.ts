// The durable job queue: jobs are rows written in the same transaction as the change that needs
// them, so a crash after commit loses nothing and a rollback leaves no orphan job. Job kinds and
// their handlers are declared in capability manifests (src/capability.ts `JobKind`).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface EnqueueOptions {
  /** Earliest time to run (epoch ms); default now. */
  runAt?: number;
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction. */
export async function enqueueJob(
  trx: Transaction<Database> | Kysely<Database>,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<void> {
  const now = Date.now();
  await trx
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      status: 'pending',
      run_at: options.runAt ?? now,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 8,
      created_at: now,
    })
    .execute();
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at one hour. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.min(attempt, 22));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Adds many jobs inside the caller's transaction in a few multi-row inserts (bulk ingest). */
export async function enqueueJobs(
  trx: Transaction<Database> | Kysely<Database>,
  jobs: ReadonlyArray<{ kind: string; payload: unknown }>,
  options: EnqueueOptions = {},
): Promise<void> {
  const now = Date.now();
  const rows = jobs.map((j) => ({
    kind: j.kind,
    payload: JSON.stringify(j.payload),
    status: 'pending' as const,
    run_at: options.runAt ?? now,
    attempts: 0,
    max_attempts: options.maxAttempts ?? 8,
    created_at: now,
  }));
  // 7 parameters a row; 500 rows stay far below SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('jobs')
      .values(rows.slice(i, i + 500))
      .execute();
}
