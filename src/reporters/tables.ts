// Tables of the reporters capability (created by src/db/migrations/0015-subscriptions.ts).
import type { Generated } from 'kysely';
export interface ReporterTable {
  id: Generated<number>;
  press_id: number;
  /** 'id:<press's own id>' or 'name:<name>|<e-mail>' (identity.ts); unique within the press. */
  identity: string;
  name: string;
  email: string | null;
  display_name: string | null;
  merged_into: number | null;
  created_at: number;
}

export interface ArticleReporterTable {
  article_id: number;
  /** The byline's place in the article's bylines (what /reporters/byline/:article/:position names). */
  position: number;
  reporter_id: number;
  /** The article's first publication time, copied so a reporter's page is one index range. */
  published_at: number;
}

export interface ReporterTables {
  reporters: ReporterTable;
  article_reporters: ArticleReporterTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends ReporterTables {}
}
