// Tables of the subscriptions capability (created by src/db/migrations/0015-subscriptions.ts).
import type { Generated } from 'kysely';

export type SubscriptionKind = 'press' | 'reporter' | 'issue' | 'category' | 'keyword';
export type Delivery = 'none' | 'immediate' | 'digest';
export type DigestFrequency = 'off' | 'daily' | 'weekly';

export interface SubscriptionTable {
  id: Generated<number>;
  reader_id: number;
  kind: SubscriptionKind;
  /** The press, reporter, issue or category; null for a keyword alert. */
  target_id: number | null;
  /** A keyword alert's search as the reader typed it. */
  query: string | null;
  /** What makes one subscription once per reader: the id, or the normalised query. */
  target_key: string;
  delivery: Generated<Delivery>;
  created_at: number;
}

export interface ReaderHiddenPressTable {
  reader_id: number;
  press_id: number;
  created_at: number;
}

export interface ReaderNewsTable {
  reader_id: number;
  last_visit_at: number;
  digest: Generated<DigestFrequency>;
  /** Local hour (0–23) in the reader's time zone. */
  digest_hour: Generated<number>;
  /** 0 = Sunday … 6 = Saturday. */
  digest_weekday: Generated<number>;
  next_digest_at: number | null;
  last_digest_at: number | null;
}

export interface ReaderFeedTokenTable {
  digest: string;
  reader_id: number;
  created_at: number;
  revoked_at: number | null;
}

export interface SubscriptionTables {
  subscriptions: SubscriptionTable;
  reader_hidden_presses: ReaderHiddenPressTable;
  reader_news: ReaderNewsTable;
  reader_feed_tokens: ReaderFeedTokenTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends SubscriptionTables {}
}
