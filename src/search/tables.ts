// Tables owned by the search capability (merged into Database below).
// SQLite keeps its postings in the FTS5 virtual table search_fts (created in the migration, not
// typed here); PostgreSQL keeps tsvectors in search_docs plus document frequencies in search_terms.

/** One row per indexed article: what filters and BM25 length normalisation need. */
export interface SearchDocTable {
  article_id: number;
  /** Article revision this row was built from (reindex skips unchanged articles). */
  revision: number;
  press_id: number;
  published_at: number;
  /** Term counts (before SQLite's doubling), for BM25 length normalisation. */
  head_len: number;
  body_len: number;
  /**
   * PostgreSQL only: headline + body terms; a lexeme's positions count its occurrences, those
   * below HEAD_POSITION_LIMIT in the headline, the rest in the body.
   */
  tsv?: string | null;
  cho_tsv?: string | null;
}

/** PostgreSQL only: in how many documents each term occurs (head or body). */
export interface SearchTermTable {
  term: string;
  df: number;
}

/** PostgreSQL only: one row (id = 1) of collection totals for BM25. */
export interface SearchStatsTable {
  id: number;
  doc_count: number;
  head_total: number;
  body_total: number;
}

export interface SearchTables {
  search_docs: SearchDocTable;
  search_terms: SearchTermTable;
  search_stats: SearchStatsTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends SearchTables {}
}
