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
