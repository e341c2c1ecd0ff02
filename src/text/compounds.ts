// Compound nouns written apart. Korean writers space compounds inconsistently (인공지능반도체 /
// 인공지능 반도체). In-word bigrams already let the spaced query find the unspaced text (its
// bigrams are a subset); the other way needs the bigram across the space, 능반, which in-word
// bigrams never produce. So documents also index, for two adjacent Hangul words with only a space
// between them and no particle on the first, a junction term: the mark, then the last syllable
// of the first word and the first of the second. Marked, so it never collides with a real
// in-word bigram (대학 교수 must not answer 학교). A long query word then accepts, for each of its
// inner bigrams, either the bigram or the junction term of the same two syllables.
import { normalizeText } from './normalize.ts';
import { bigrams, tokenTerms } from './terms.ts';
import { tokenizeNormalized, type Token } from './tokenize.ts';

/**
 * Private-use character (never produced by the tokenizer, which keeps letters and digits only;
 * SQLite's unicode61 tokenizer treats private-use characters as token characters).
 */
export const JUNCTION_MARK = '\uE000';

/** Query words shorter than this (in syllables) are not taken apart: 국가 is not 국 가. */
export const MIN_COMPOUND_SYLLABLES = 4;
/** Each side of a split keeps at least this many syllables (인공|지능, not 인|공지능). */
const MIN_PART_SYLLABLES = 2;

/** Junction terms of a token sequence (see the file comment); `text` is what the tokens were cut from. */
export function junctionTerms(tokens: Token[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (a.kind !== 'hangul' || b.kind !== 'hangul' || a.stem !== a.surface) continue;
    const end = a.start + a.surface.length;
    if (b.start !== end + 1 || text[end] !== ' ') continue;
    out.push(JUNCTION_MARK + a.surface.slice(-1) + b.surface.slice(0, 1));
  }
  return out;
}

/** In-word terms (as indexTerms) followed by junction terms: what the search index stores for a text. */
export function searchIndexTerms(text: string): string[] {
  const normalized = normalizeText(text);
  const tokens = tokenizeNormalized(normalized);
  return [...tokens.flatMap(tokenTerms), ...junctionTerms(tokens, normalized)];
}

/**
 * For a long Hangul query stem, its inner bigrams mapped to the junction term that may stand for
 * each when the text writes the word as two (인공지능반도체: 공지, 지능, 능반, 반도 → the same pairs after JUNCTION_MARK).
 */
export function compoundAlternatives(stem: string): Record<string, string> | undefined {
  if (!/^[\uAC00-\uD7A3]+$/.test(stem) || stem.length < MIN_COMPOUND_SYLLABLES) return undefined;
  const pairs = bigrams(stem);
  const out: Record<string, string> = {};
  // Bigram j straddles a split after syllable j + 1; both parts keep MIN_PART_SYLLABLES.
  for (let j = MIN_PART_SYLLABLES - 1; j <= stem.length - MIN_PART_SYLLABLES - 1; j++)
    out[pairs[j]] = JUNCTION_MARK + pairs[j];
  return Object.keys(out).length ? out : undefined;
}
