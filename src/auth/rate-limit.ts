// Rate limits shared by every web process: counters per fixed window in the rate_buckets table,
// read as a sliding window (the previous window's count, weighted by how much of it still
// overlaps the last windowMs, plus the current one), so a burst straddling a window boundary
// cannot get twice the limit. Counting happens first, in one atomic upsert, so parallel attempts
// cannot slip past the limit between a check and an increment.
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateHit {
  allowed: boolean;
  /** Weighted attempts in the last windowMs, this one included. */
  estimate: number;
  /** Seconds until another attempt would be allowed (for Retry-After). */
  retryAfterSeconds: number;
}

function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/**
 * When, after `now`, one more attempt fits under the limit, given `previous` attempts in the
 * previous window and `current` in the current one (no further attempts assumed).
 */
export function msUntilAllowed(previous: number, current: number, w: RateWindow, now: number): number {
  const start = windowStart(now, w.windowMs);
  const spare = w.limit - current - 1;
  if (spare >= 0) {
    // Still in this window: wait for the previous window's weight to fade enough.
    const fraction = previous > 0 ? 1 - spare / previous : 0;
    return Math.max(0, start + fraction * w.windowMs - now);
  }
  // Next window: the current count becomes the fading one.
  const fraction = current > 0 ? Math.max(0, 1 - (w.limit - 1) / current) : 0;
  return start + w.windowMs + fraction * w.windowMs - now;
}

/** Counts one attempt against `key` and tells whether it is still within the limit. */
export async function hitRateLimit(
  deps: Pick<AppDeps, 'db'>,
  key: string,
  w: RateWindow,
  now = Date.now(),
): Promise<RateHit> {
  const start = windowStart(now, w.windowMs);
  const row = await deps.db
    .insertInto('rate_buckets')
    .values({ key, window_start: start, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_buckets.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  const previousRow = await deps.db
    .selectFrom('rate_buckets')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', start - w.windowMs)
    .executeTakeFirst();
  const current = Number(row.count);
  // Older windows no longer count. They can only have been written before this window began, so
  // its first attempt removes them and the others skip a write (each one waits for the database's
  // writer); the primary key makes the delete an index range scan.
  if (current === 1) {
    await deps.db
      .deleteFrom('rate_buckets')
      .where('key', '=', key)
      .where('window_start', '<', start - w.windowMs)
      .execute();
  }
  const previous = Number(previousRow?.count ?? 0);
  const estimate = current + previous * (1 - (now - start) / w.windowMs);
  return {
    allowed: estimate <= w.limit,
    estimate,
    retryAfterSeconds: Math.max(1, Math.ceil(msUntilAllowed(previous, current, w, now) / 1000)),
  };
}

/** Takes back one counted attempt (e.g. a sign-in that succeeded is not a failure). */
export async function releaseRateLimit(
  deps: Pick<AppDeps, 'db'>,
  key: string,
  w: RateWindow,
  now = Date.now(),
): Promise<void> {
  await deps.db
    .updateTable('rate_buckets')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart(now, w.windowMs))
    .where('count', '>', 0)
    .execute();
}
