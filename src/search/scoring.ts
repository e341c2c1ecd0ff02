// The one relevance formula both backends implement. SQLite's FTS5 bm25() hard-codes k1 = 1.2;
// writing every term twice into FTS5 makes it rank exactly like k1 = 0.6 (scores × 2.2/1.6), the
// value that wins on KorQuAD (see bench/eval-search.ts), and PostgreSQL computes k1 = 0.6 directly.

export const BM25_K1 = 0.6;
export const BM25_B = 0.75;
/** How many times SQLite stores each term (doubling tf halves the effective k1). */
export const SQLITE_TERM_REPEAT = 2;
const FTS5_K1 = 1.2;
/** Multiply FTS5's -bm25() by this to get the canonical score. */
export const SQLITE_SCORE_SCALE = (BM25_K1 + 1) / (FTS5_K1 + 1);

/**
 * A headline occurrence counts as this many body occurrences. As in FTS5's bm25(), column
 * weights scale term frequencies before saturation and length is the whole document's (BM25F).
 */
export const HEADLINE_WEIGHT = 2;

/** Recency: a just-published article gets up to +10 %, halving every 7 days. */
export const RECENCY_WEIGHT = 0.1;
export const RECENCY_HALF_LIFE_MS = 7 * 24 * 3600 * 1000;

/**
 * Relevance ranking scores the newest this-many matches (by article id) and no more, in both
 * backends: it bounds the work for words found in a large share of a million articles, and for
 * news the newest matches are the ones worth ranking. Sort by newest reaches every match.
 */
export const RELEVANCE_CANDIDATES = 5000;

/** FTS5's idf, clamped the same way (a term in more than half the documents scores ~0, not < 0). */
export function idf(docCount: number, docFreq: number): number {
  const v = Math.log((docCount - docFreq + 0.5) / (docFreq + 0.5));
  return v > 0 ? v : 1e-6;
}

export function recencyFactor(publishedAt: number, now: number): number {
  const age = Math.max(0, now - publishedAt);
  return 1 + RECENCY_WEIGHT * 0.5 ** (age / RECENCY_HALF_LIFE_MS);
}

export interface ScoredHit {
  articleId: number;
  /** Canonical BM25 score (higher is better). */
  score: number;
  publishedAt: number;
}

/**
 * Final relevance order: BM25 × mild recency, rounded so float noise between the two databases
 * cannot reorder ties, then newest id first.
 */
export function rankByRelevance(hits: ScoredHit[], now: number): ScoredHit[] {
  const key = (h: ScoredHit) => Math.round(h.score * recencyFactor(h.publishedAt, now) * 1e6);
  return [...hits].sort((a, b) => key(b) - key(a) || b.articleId - a.articleId);
}
