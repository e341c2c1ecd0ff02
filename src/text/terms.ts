// The terms search and clustering use: in-word character bigrams for CJK words (so one- and
// two-syllable words and unspaced compounds match), stems for Latin words, numbers as they are.
import { choseong } from './hangul.ts';
import { normalizeText } from './normalize.ts';
import { shortWordStem } from './particles.ts';
import { isChoseongToken, tokenize, type Token } from './tokenize.ts';

/** Overlapping two-character windows; a one-character word is its own term. */
export function bigrams(word: string): string[] {
  const chars = [...word];
  if (chars.length <= 1) return chars.length ? [word] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The terms one token contributes to a document (duplicates matter: they are term frequencies). */
export function tokenTerms(token: Token): string[] {
  switch (token.kind) {
    case 'hangul': {
      const terms = bigrams(token.stem);
      const stem = shortWordStem(token.surface);
      if (stem) terms.push(stem);
      return terms;
    }
    case 'han':
      return bigrams(token.stem);
    default:
      return token.stem ? [capTerm(token.stem)] : [];
  }
}

/**
 * Longest term, in characters. A body that is one 190,000-character "word" made PostgreSQL
 * refuse the whole tsvector ("word is too long", its limit is 2,047 bytes a lexeme), so the
 * article could never be indexed. Documents and queries are cut alike, so such a word still
 * matches itself; no real word comes near.
 */
export const MAX_TERM_CHARS = 100;

function capTerm(term: string): string {
  if (term.length <= MAX_TERM_CHARS) return term;
  return Array.from(term).slice(0, MAX_TERM_CHARS).join('');
}

/** Every term of a text, in order, with repetitions (term frequency). */
export function indexTerms(text: string): string[] {
  return tokenize(text).flatMap(tokenTerms);
}

// Interrogatives and fillers carry no topic; dropping them from natural-language queries
// ("…한 날은 언제인가?") keeps their bigrams from diluting the ranking.
const QUERY_STOPWORDS = new Set([
  '무엇',
  '무엇인',
  '무엇인가',
  '무엇일까',
  '무엇이',
  '무엇을',
  '무엇인지',
  '언제',
  '언제인가',
  '누구',
  '누구인가',
  '누구인지',
  '누가',
  '어디',
  '어디인가',
  '어디에',
  '어디서',
  '어디에서',
  '어느',
  '무슨',
  '어떤',
  '어떠한',
  '얼마',
  '얼마나',
  '몇',
  '왜',
  '어떻게',
  '무엇으로',
  '누구를',
  '누구에게',
  '가장',
  '것은',
  '것',
  '그',
  '이',
]);

export interface QueryWord {
  /** The word as typed, normalised. */
  surface: string;
  /** Its terms: a document "has the word" when it has all of them. */
  terms: string[];
}

export interface AnalyzedQuery {
  /** Content words (stopwords dropped unless the query has nothing else). */
  words: QueryWord[];
  /** Distinct terms of all words, in first-seen order. */
  terms: string[];
  /** Choseong bigrams when the query is made of initial consonants only (ㅇㄱㅈㄴ). */
  choseongTerms: string[];
}

/** Analyses a search query into the same terms indexTerms produces for documents. */
export function analyzeQuery(query: string): AnalyzedQuery {
  const tokens = tokenize(query.slice(0, 2000));
  const choseongTokens = tokens.filter(isChoseongToken);
  const choseongTerms =
    choseongTokens.length === tokens.length ? unique(choseongTokens.flatMap((t) => bigrams(t.surface))) : [];
  const wordTokens = tokens.filter((t) => !isChoseongToken(t));
  const content = wordTokens.filter((t) => !QUERY_STOPWORDS.has(t.surface) && !QUERY_STOPWORDS.has(t.stem));
  const chosen = content.length ? content : wordTokens;
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of chosen) {
    // A query word matches on its own stem; the one-syllable alternative is an index-side aid only.
    const terms = unique(token.kind === 'hangul' ? bigrams(token.stem) : tokenTerms(token));
    const key = terms.join(' ');
    if (!terms.length || seen.has(key)) continue;
    seen.add(key);
    words.push({ surface: token.surface, terms });
  }
  return { words, terms: unique(words.flatMap((w) => w.terms)), choseongTerms };
}

/** Distinct query terms, in first-seen order. */
export function queryTerms(query: string): string[] {
  return analyzeQuery(query).terms;
}

/** Choseong bigrams of each Hangul word, for matching initial-consonant queries against headlines. */
export function choseongTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'hangul')
    .flatMap((t) => bigrams(choseong(t.surface)));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export { normalizeText };
