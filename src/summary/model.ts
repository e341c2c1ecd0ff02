// What the summary algorithm stores for an article: which body sentences were chosen (indices into
// splitSentences(body), in body order) and their exact text, so the page can show them without
// re-splitting and an editor can see which sentences they were.

export interface SummaryResult {
  /** Indices into the article's sentences, ascending (body order). */
  indices: number[];
  /** The chosen sentences verbatim, in the same order as `indices`. */
  sentences: string[];
  /** Which algorithm version chose them, so a later, better version can recompute old summaries. */
  version: string;
}

/** How many sentences the article page shows. */
export const SUMMARY_SENTENCES = 3;
