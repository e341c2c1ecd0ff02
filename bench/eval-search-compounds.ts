// Compound queries for eval:search: Korean writers space compound nouns inconsistently, so a
// reader's query may join two words the paragraph writes apart (조선 왕조 → 조선왕조) or split one
// it writes whole (대한민국 → 대한 민국). Built from the KorQuAD questions' words, answered by the
// question's own paragraph. Short queries (one or two words) run in "all words" mode, where a
// compound that the index cannot take apart finds nothing.
import { tokenize, type Token } from '../src/text/index.ts';

export interface CompoundQuery {
  /** The query as a reader might type it (joined or split). */
  q: string;
  /** The same words as the question wrote them: the reference the compound form is compared with. */
  asWritten: string;
  paragraph: number;
  kind: 'joined' | 'split';
}

const STOP = new Set([
  '무엇',
  '언제',
  '누구',
  '어디',
  '어느',
  '무슨',
  '어떤',
  '얼마',
  '가장',
  '무엇인가',
  '어디인가',
  '어딘가',
  '누구인가',
]);
// Without a part-of-speech tagger: a stem ending in a common verb/adjective ending or particle
// syllable is not taken for a noun (벗어난다, 거쳐야, 곳은).
const NOT_NOUN_END = new Set([...'다는은을를이가한된던고서야게지며면어아요까']);
const isNounLike = (t: Token) =>
  t.kind === 'hangul' && t.stem.length >= 2 && !STOP.has(t.stem) && !NOT_NOUN_END.has(t.stem.slice(-1));

/**
 * Per question at most one joined query (the first two adjacent Hangul words where the first has
 * no particle, so they plausibly form one compound: "조선 왕조의" → "조선왕조의") and one split
 * query (the first particle-free word of four to eight syllables, split in the middle).
 */
export function compoundQueries(questions: Array<{ question: string; paragraph: number }>): CompoundQuery[] {
  const out: CompoundQuery[] = [];
  for (const { question, paragraph } of questions) {
    // Words as the question spaced them; only whole space-separated Hangul words are joined.
    const words = question.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [tokenize(words[i]), tokenize(words[i + 1])];
      if (a.length !== 1 || b.length !== 1 || !isNounLike(a[0]) || !isNounLike(b[0])) continue;
      if (a[0].stem !== a[0].surface || a[0].surface.length > 6) continue;
      out.push({
        q: a[0].surface + b[0].surface,
        asWritten: `${a[0].surface} ${b[0].surface}`,
        paragraph,
        kind: 'joined',
      });
      break;
    }
    for (const t of tokenize(question)) {
      if (!isNounLike(t) || t.stem !== t.surface || t.surface.length < 4 || t.surface.length > 8) continue;
      const mid = Math.floor(t.surface.length / 2);
      out.push({
        q: `${t.surface.slice(0, mid)} ${t.surface.slice(mid)}`,
        asWritten: t.surface,
        paragraph,
        kind: 'split',
      });
      break;
    }
  }
  return out;
}
