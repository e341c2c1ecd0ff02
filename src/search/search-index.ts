// One index interface; SQLite (FTS5) and PostgreSQL (tsvector + GIN) implement it and rank alike.
import type { Db } from '../db/database.ts';
import type { AnalyzedDoc } from './document.ts';
import type { ScoredHit } from './scoring.ts';

export interface SearchFilters {
  pressIds?: number[];
  categoryIds?: number[];
  /** Articles clustered into this issue (needs the issues capability's table). */
  issueId?: number;
  /** Inclusive epoch-ms bounds on the publication time. */
  from?: number;
  to?: number;
}

export interface IndexQuery {
  /** Term groups: one per query word; a document has the word when it has every term of it. */
  words: string[][];
  /**
   * Parallel to `words`: for a long compound word, term → junction term that may stand in for it
   * (the word written as two: 인공지능 반도체 for 인공지능반도체). See word-alternatives.ts.
   */
  alternatives?: Array<Record<string, string> | undefined>;
  /** all: every word must match; any: at least one term (ranked by BM25). */
  mode: 'all' | 'any';
  /** When set, match headline choseong bigrams instead of words (all must match). */
  choseong?: string[];
  filters: SearchFilters;
  sort: 'relevance' | 'newest';
  /** How many top hits to return (the caller pages and re-ranks within them). */
  limit: number;
}

export interface FacetCount {
  id: number;
  count: number;
}

export interface Facets {
  press: FacetCount[];
  category: FacetCount[];
}

export interface SearchIndex {
  /** Adds or replaces documents (idempotent). */
  upsert(docs: AnalyzedDoc[]): Promise<void>;
  remove(articleIds: number[]): Promise<void>;
  /** Empties the index (before a full rebuild). */
  clear(): Promise<void>;
  /** After a full rebuild: compacts what the writes left for fast queries (same results). */
  optimize(): Promise<void>;
  /** Top hits: by canonical BM25 (relevance) or by publication time (newest; score 0). */
  match(query: IndexQuery): Promise<ScoredHit[]>;
  /** Number of matching documents, counting at most `cap`. */
  count(query: IndexQuery, cap: number): Promise<number>;
  facets(query: IndexQuery, cap: number): Promise<Facets>;
  /** Revision each indexed article was built from, for incremental reindex. */
  indexedRevisions(articleIds: number[]): Promise<Map<number, number>>;
}

/** Which revision of each article the index holds (the same table on both databases). */
export async function indexedRevisions(db: Db, articleIds: number[]): Promise<Map<number, number>> {
  if (!articleIds.length) return new Map();
  const rows = await db
    .selectFrom('search_docs')
    .select(['article_id', 'revision'])
    .where('article_id', 'in', articleIds)
    .execute();
  return new Map(rows.map((r) => [r.article_id, r.revision]));
}
