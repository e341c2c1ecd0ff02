// Fixed-window counters in the rate_buckets table, so every web process sees the same counts.
// Counting happens before the expensive work (one atomic upsert), so parallel guesses cannot slip
// past the limit between a check and an increment.
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateHit {
  allowed: boolean;
  count: number;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number;
}

function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/** Counts one attempt against `key` and tells whether it is still within the limit. */
export async function hitRateLimit(deps: Pick<AppDeps, 'db'>, key: string, w: RateWindow, now = Date.now()): Promise<RateHit> {
  const start = windowStart(now, w.windowMs);
  const row = await deps.db
    .insertInto('rate_buckets')
    .values({ key, window_start: start, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_buckets.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Old windows of this key are dead weight; the primary key makes this delete an index range scan.
  await deps.db.deleteFrom('rate_buckets').where('key', '=', key).where('window_start', '<', start).execute();
  const count = Number(row.count);
  return {
    allowed: count <= w.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((start + w.windowMs - now) / 1000)),
  };
}

/** Takes back one counted attempt (e.g. a sign-in that succeeded is not a failure). */
export async function releaseRateLimit(deps: Pick<AppDeps, 'db'>, key: string, w: RateWindow, now = Date.now()): Promise<void> {
  await deps.db
    .updateTable('rate_buckets')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart(now, w.windowMs))
    .where('count', '>', 0)
    .execute();
}
