// Clustering terms from the shared analyzer (src/text): particle-stripped Hangul words plus their
// character bigrams (so "인공지능을" meets "인공지능이", and unspaced compounds still share pieces),
// stemmed Latin words without function words, numbers of two digits or more, bigrams of Han text.
import { bigrams, tokenize, type Token } from '../text/index.ts';

// Function words carry no event; IDF would shrink them anyway, but dropping them keeps the
// candidate index and the centroids for words that can tell two stories apart.
const STOP_EN = new Set(
  'the a an and or of to in on at for by with from as is are was were be been being it its this that these those he she they we you i his her their our not no but if so than then there here has have had will would can could should may might do does did said say also after before over about into more most up out new one two who which what when where how all just only other any some such very s t'.split(
    ' ',
  ),
);

// Words and bigrams live in separate namespaces so the word 시대 and the bigram 시대 count apart.
export const BIGRAM = '\u0002';
/** A headline's own words again (features.ts): two headlines naming the same thing meet here only. */
export const HEADLINE_ECHO = '\u0004';

export function clusterTerms(text: string): string[] {
  return clusterTermsOf(tokenize(text));
}

/** clusterTerms of already tokenised text. */
export function clusterTermsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.kind) {
      case 'hangul':
        out.push(token.stem);
        if (token.stem.length > 2) for (const b of bigrams(token.stem)) out.push(BIGRAM + b);
        break;
      case 'han':
        for (const b of bigrams(token.stem)) out.push(BIGRAM + b);
        break;
      case 'number':
        if (token.stem.length >= 2) out.push(token.stem);
        break;
      case 'latin':
        if (token.stem.length >= 2 && !STOP_EN.has(token.stem)) out.push(token.stem);
        break;
      default:
        if (token.stem.length >= 2) out.push(token.stem);
    }
  }
  return out;
}
