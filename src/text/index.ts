// Language analysis shared by search and issue clustering. Add exports; do not change existing ones.
export { normalizeText } from './normalize.ts';
export {
  choseong,
  choseongOf,
  hasFinalConsonant,
  isChoseongJamo,
  isCompatibilityJamo,
  isHangulSyllable,
} from './hangul.ts';
export { stripParticle, shortWordStem } from './particles.ts';
export { stemLatin } from './latin.ts';
export { tokenize, tokenizeNormalized, isChoseongToken, type Token, type TokenKind } from './tokenize.ts';
export {
  analyzeQuery,
  bigrams,
  choseongTerms,
  indexTerms,
  queryTerms,
  tokenTerms,
  type AnalyzedQuery,
  type QueryWord,
} from './terms.ts';
export { compoundAlternatives, JUNCTION_MARK, junctionTerms, searchIndexTerms } from './compounds.ts';
export { nameKey, romanize } from './romanize.ts';
