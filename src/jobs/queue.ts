// The durable job queue: jobs are rows written in the same transaction as the change that needs
// them, so a crash after commit loses nothing and a rollback leaves no orphan job.
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps } from '../deps.ts';
import type { Database } from '../db/schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: each handler declares its own payload type; the registry cannot know them
export type JobHandler = (payload: any, deps: AppDeps) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler for a job kind. Handlers must be idempotent: a job may run more than once. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}

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
