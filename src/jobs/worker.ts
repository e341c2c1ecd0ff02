// Claims due jobs, runs their handlers after the enqueuing transaction committed, retries with
// backoff, parks jobs that keep failing. On PostgreSQL several processes share the queue safely
// (FOR UPDATE SKIP LOCKED); on SQLite the single writer lock serialises claims.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AnyJobKind } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import type { Job } from '../db/schema.ts';
import { PermanentJobError } from './permanent-error.ts';
import { backoffMs } from './queue.ts';

export interface WorkerOptions {
  pollMs?: number;
  batchSize?: number;
  /** How long a claim is held; a job whose worker died is reclaimed after this. */
  leaseMs?: number;
  /** How often this worker prunes finished jobs (each worker on its own; deleting twice is harmless). */
  pruneEveryMs?: number;
}

const HOUR_MS = 3_600_000;
const DEFAULT_BATCH = 200;

export class JobWorker {
  readonly id = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeRequested = false;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pruneEveryMs: number;
  private nextPruneAt = 0;

  constructor(
    private readonly deps: AppDeps,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? deps.config.jobPollMs;
    // Large enough that kinds with runBatch (search.index…) get many jobs per call.
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.leaseMs = options.leaseMs ?? deps.config.jobLeaseMs;
    this.pruneEveryMs = options.pruneEveryMs ?? HOUR_MS;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs due jobs soon (called after a commit that enqueued work). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops claiming; waits for the jobs in hand to finish (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job that is due now, including retries that fall due meanwhile; for CLI and tests. */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      if (n === 0) break;
      total += n;
    }
    // `sosik jobs run` from cron is the only worker some deployments have: it prunes too.
    await this.pruneIfDue();
    return total;
  }

  /**
   * Deletes finished jobs older than SOSIK_JOB_RETENTION_HOURS, at most once per `pruneEveryMs`.
   * Without it the jobs table grows by two rows per article for ever. Returns how many went.
   */
  async pruneIfDue(now = Date.now()): Promise<number> {
    if (now < this.nextPruneAt) return 0;
    this.nextPruneAt = now + this.pruneEveryMs;
    return pruneFinishedJobs(this.deps, this.deps.config.jobRetentionHours * HOUR_MS, now);
  }

  /** Claims one batch of due jobs and runs them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim();
    // Jobs of one kind run together (in the order they fell due), through runBatch when the kind has one.
    const byKind = new Map<string, Job[]>();
    for (const job of jobs) {
      const group = byKind.get(job.kind);
      if (group) group.push(job);
      else byKind.set(job.kind, [job]);
    }
    for (const [kind, group] of byKind) {
      const definition = this.deps.registry.jobs.get(kind);
      if (definition?.runBatch && group.length > 1) await this.runBatch(definition, group);
      else {
        for (const job of group) {
          await this.runJob(job);
          // On SQLite every query resolves without real I/O, so a claim of 200 jobs would run
          // start to end without letting one HTTP request in: hand the event loop back each time.
          await yieldToEventLoop();
        }
      }
    }
    return jobs.length;
  }

  /** Many jobs of one kind in one call; on failure each runs alone, so only a bad one fails. */
  private async runBatch(definition: AnyJobKind, jobs: Job[]): Promise<void> {
    const valid: Job[] = [];
    const payloads: unknown[] = [];
    for (const job of jobs) {
      const payload = definition.payload.safeParse(parseJson(job.payload));
      if (payload.success) {
        valid.push(job);
        payloads.push(payload.data);
      } else await this.park(job, `payload does not match ${job.kind}: ${payload.error.message}`);
    }
    if (!valid.length) return;
    try {
      await definition.runBatch!(payloads, this.deps);
    } catch (err) {
      this.deps.log.warn(
        { kind: definition.kind, jobs: valid.length, err },
        'job batch failed; running its jobs one by one',
      );
      for (const job of valid) await this.runJob(job);
      return;
    }
    await this.deps.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: Date.now(), locked_by: null, locked_until: null, last_error: null })
      .where(
        'id',
        'in',
        valid.map((j) => j.id),
      )
      .where('locked_by', '=', this.id)
      .execute();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, delay);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    let claimed = 0;
    try {
      do {
        this.wakeRequested = false;
        claimed = await this.runOnce();
      } while (!this.stopped && (claimed > 0 || this.wakeRequested));
      if (!this.stopped) await this.pruneIfDue();
    } catch (err) {
      this.deps.log.error({ err }, 'job worker loop failed');
    }
    if (!this.stopped) this.schedule(this.pollMs);
  }

  private async claim(): Promise<Job[]> {
    const kinds = [...this.deps.registry.jobs.keys()];
    if (kinds.length === 0) return [];
    const { db, dialect } = this.deps;
    const now = Date.now();
    const due = db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'pending')
      .where('run_at', '<=', now)
      .where('kind', 'in', kinds)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(this.batchSize)
      .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
    const claimed = await db
      .updateTable('jobs')
      .set({
        locked_by: this.id,
        locked_until: now + this.leaseMs,
        attempts: sql`attempts + 1`,
      })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    // RETURNING gives no order guarantee; run jobs in the order they fell due.
    return claimed.sort((a, b) => a.run_at - b.run_at || a.id - b.id);
  }

  private async park(job: Job, reason: string): Promise<void> {
    this.deps.log.warn({ jobId: job.id, kind: job.kind, reason }, 'job parked');
    await this.deps.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        finished_at: Date.now(),
        locked_by: null,
        locked_until: null,
        last_error: reason.slice(0, 2000),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.id)
      .execute();
  }

  private async runJob(job: Job): Promise<void> {
    const definition = this.deps.registry.jobs.get(job.kind);
    const { db, log } = this.deps;
    try {
      if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
      const payload = definition.payload.safeParse(parseJson(job.payload));
      if (!payload.success) {
        // A payload that does not match its schema can never succeed: park it at once, with why.
        await this.park(job, `payload does not match ${job.kind}: ${payload.error.message}`);
        return;
      }
      await definition.run(payload.data, this.deps);
      await db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: Date.now(), locked_by: null, locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.id)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const parked = job.attempts >= job.max_attempts || err instanceof PermanentJobError;
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, parked, err }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          status: parked ? 'failed' : 'pending',
          run_at: Date.now() + backoffMs(job.attempts),
          finished_at: parked ? Date.now() : null,
          locked_by: null,
          locked_until: null,
          last_error: message.slice(0, 2000),
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.id)
        .execute();
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Deletes done jobs that finished more than `olderThanMs` ago, so the table stays small. Failed
 * (parked) jobs stay until someone handles them; pending ones are work. Deletes in batches so one
 * large backlog never holds the SQLite writer lock (or PostgreSQL row locks) for long.
 */
export async function pruneFinishedJobs(
  deps: Pick<AppDeps, 'db'>,
  olderThanMs: number,
  now = Date.now(),
  batchSize = 1000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = deps.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'done')
      .where('finished_at', '<', now - olderThanMs)
      .limit(batchSize);
    const res = await deps.db.deleteFrom('jobs').where('id', 'in', batch).executeTakeFirst();
    const deleted = Number(res.numDeletedRows);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
