// Tables owned by the summary capability (migration 0010), merged into Database below.

/** One row per article revision: the automatic summary computed from it, or why there is none. */
export interface ArticleSummaryTable {
  article_id: number;
  revision: number;
  /** The algorithm version that decided (SummaryResult.version), so a better one can recompute. */
  version: string;
  /** JSON string[]: the chosen body sentences in body order; null when `reason` is set. */
  sentences: string | null;
  /** Why the article gets no summary: opinion, interview, photo-only, too-short. */
  reason: string | null;
  computed_at: number;
}

/** A press's choice about automatic summaries on its articles (no row: shown). */
export interface SummaryPressSettingTable {
  press_id: number;
  /** 1: the press switched summaries off. */
  disabled: number;
  updated_at: number;
}

export interface SummaryTables {
  article_summaries: ArticleSummaryTable;
  summary_press_settings: SummaryPressSettingTable;
}

declare module '../db/schema.ts' {
  interface Database extends SummaryTables {}
}
