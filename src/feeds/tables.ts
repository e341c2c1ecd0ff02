// Tables owned by the feeds capability (merged into Database below).
import type { Generated, Selectable } from 'kysely';

export interface FeedTable {
  id: Generated<number>;
  press_id: number;
  url: string;
  /** Title the feed gave itself at the last successful poll. */
  title: string | null;
  /** 0/1: disabled feeds are never polled. */
  enabled: number;
  /** Conditional-GET validators from the last 200 answer. */
  etag: string | null;
  last_modified: string | null;
  /** Normal pace between polls, in seconds. */
  interval_seconds: number;
  next_poll_at: number;
  /** Consecutive failures; drives the backoff and resets on success. */
  error_count: number;
  last_polled_at: number | null;
  last_success_at: number | null;
  /** Stable error code (FeedError.code) of the last failure, null after a success. */
  last_error_code: string | null;
  /** Detail of the last failure in English, for admins and logs. */
  last_error: string | null;
  last_error_at: number | null;
  /** Items that became new articles or revisions over the feed's life. */
  items_taken: number;
  /** Items of the last successful poll, taken or not. */
  items_seen_last: number;
  created_at: number;
}

export interface FeedTables {
  feeds: FeedTable;
}

export type FeedRow = Selectable<FeedTable>;

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends FeedTables {}
}
