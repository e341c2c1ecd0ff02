// SQL for the feeds table: registering feeds, finding due ones, claiming one for a poll, and
// recording each poll's outcome.
import type { Db } from '../db/database.ts';
import type { FeedRow } from './tables.ts';

export interface NewFeed {
  pressId: number;
  url: string;
  intervalSeconds: number;
  now?: number;
}

/** Registers a feed (idempotent per press + URL); returns its row. */
export async function addFeed(db: Db, f: NewFeed): Promise<{ feed: FeedRow; created: boolean }> {
  const now = f.now ?? Date.now();
  const existing = await db
    .selectFrom('feeds')
    .selectAll()
    .where('press_id', '=', f.pressId)
    .where('url', '=', f.url)
    .executeTakeFirst();
  if (existing) return { feed: existing, created: false };
  const feed = await db
    .insertInto('feeds')
    .values({
      press_id: f.pressId,
      url: f.url,
      enabled: 1,
      interval_seconds: f.intervalSeconds,
      next_poll_at: now,
      error_count: 0,
      items_taken: 0,
      items_seen_last: 0,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { feed, created: true };
}

export async function getFeed(db: Db, id: number): Promise<FeedRow | undefined> {
  return db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface FeedWithPress extends FeedRow {
  press_slug: string;
  press_name: string;
}

/** Every feed (or one press's), with its press, for health views and the CLI. */
export async function listFeeds(db: Db, pressId?: number): Promise<FeedWithPress[]> {
  let q = db
    .selectFrom('feeds')
    .innerJoin('presses', 'presses.id', 'feeds.press_id')
    .selectAll('feeds')
    .select(['presses.slug as press_slug', 'presses.name as press_name'])
    .orderBy('presses.slug')
    .orderBy('feeds.id');
  if (pressId !== undefined) q = q.where('feeds.press_id', '=', pressId);
  return q.execute();
}

export async function dueFeeds(db: Db, now: number, limit: number): Promise<FeedRow[]> {
  return db
    .selectFrom('feeds')
    .selectAll()
    .where('enabled', '=', 1)
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .limit(limit)
    .execute();
}

/**
 * Takes a due feed for this process by pushing its next poll past a lease; false when another
 * process (several web processes on PostgreSQL) claimed it first.
 */
export async function claimFeed(db: Db, feed: FeedRow, now: number, leaseMs: number): Promise<boolean> {
  const res = await db
    .updateTable('feeds')
    .set({ next_poll_at: now + leaseMs, last_polled_at: now })
    .where('id', '=', feed.id)
    .where('next_poll_at', '=', feed.next_poll_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface SuccessRecord {
  now: number;
  nextPollAt: number;
  etag: string | null;
  lastModified: string | null;
  title?: string;
  itemsSeen?: number;
  itemsTaken: number;
}

export async function recordSuccess(db: Db, feedId: number, r: SuccessRecord): Promise<void> {
  const current = await db
    .selectFrom('feeds')
    .select(['items_taken'])
    .where('id', '=', feedId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('feeds')
    .set({
      next_poll_at: r.nextPollAt,
      etag: r.etag,
      last_modified: r.lastModified,
      error_count: 0,
      last_success_at: r.now,
      last_error_code: null,
      last_error: null,
      items_taken: current.items_taken + r.itemsTaken,
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.itemsSeen !== undefined ? { items_seen_last: r.itemsSeen } : {}),
    })
    .where('id', '=', feedId)
    .execute();
}

export interface FailureRecord {
  now: number;
  nextPollAt: number;
  code: string;
  message: string;
  errorCount: number;
  /** Items a partly failed poll did store (they count even though the poll failed). */
  itemsTaken?: number;
}

export async function recordFailure(db: Db, feedId: number, r: FailureRecord): Promise<void> {
  await db
    .updateTable('feeds')
    .set((eb) => ({
      ...(r.itemsTaken ? { items_taken: eb('items_taken', '+', r.itemsTaken) } : {}),
      next_poll_at: r.nextPollAt,
      error_count: r.errorCount,
      last_error_code: r.code,
      last_error: r.message.slice(0, 1000),
      last_error_at: r.now,
    }))
    .where('id', '=', feedId)
    .execute();
}

/** Turns a feed on or off; turning it on (or asking for a poll) makes it due at once. */
export async function setFeedEnabled(db: Db, feedId: number, enabled: boolean, now = Date.now()): Promise<void> {
  await db
    .updateTable('feeds')
    .set(enabled ? { enabled: 1, next_poll_at: now } : { enabled: 0 })
    .where('id', '=', feedId)
    .execute();
}

export async function pollFeedSoon(db: Db, feedId: number, now = Date.now()): Promise<void> {
  await db.updateTable('feeds').set({ next_poll_at: now }).where('id', '=', feedId).where('enabled', '=', 1).execute();
}
