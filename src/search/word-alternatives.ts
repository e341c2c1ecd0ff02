// A query word matches when the document has each of its terms, or, for a long compound, that
// term's junction form (the same two syllables across a space: see src/text/compounds.ts). Both
// indexes build their match expressions and score the same terms through these helpers.
import type { IndexQuery } from './search-index.ts';

/** Per term of one word: the term alone, or the term and its junction alternative. */
export function wordTermChoices(q: IndexQuery, wordIndex: number): string[][] {
  const alternatives = q.alternatives?.[wordIndex];
  return q.words[wordIndex].map((t) => (alternatives?.[t] ? [t, alternatives[t]] : [t]));
}

/** Words with terms, each as its term choices (empty words dropped). */
export function queryWordChoices(q: IndexQuery): string[][][] {
  return q.words.map((_, i) => wordTermChoices(q, i)).filter((w) => w.length);
}

/**
 * Every distinct term the match expression mentions, which is what relevance scores: with the
 * junction alternatives in "all" mode, where they decide whether a compound matches at all;
 * without them in "any" mode, where question-like queries are ranked on their own words (junction
 * alternatives there cost 0.002 of KorQuAD MRR@10 and find nothing the plain terms do not).
 */
export function scoredTerms(q: IndexQuery): string[] {
  if (q.mode === 'any') return [...new Set(q.words.flat())];
  return [...new Set(queryWordChoices(q).flat(2))];
}
