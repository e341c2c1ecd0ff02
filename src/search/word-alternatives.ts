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

/** Every distinct term the expression mentions (alternatives included): what relevance scores. */
export function scoredTerms(q: IndexQuery): string[] {
  return [...new Set(queryWordChoices(q).flat(2))];
}
