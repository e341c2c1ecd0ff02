// Cross-language membership: an English report of a Korean story shares almost no words with it,
// so its cosine with the Korean issue is near zero however clearly it is the same event. What the
// two do share is language-neutral: figures (212, 43cm, 200억 → numbers), dates, and names, which
// keyphrases.ts writes as romanized keys (Unsan ↔ 운산). Here a document whose script differs from
// an issue's is compared with it on those neutral terms alone.
import { KEYPHRASE, NAME_KEY } from './keyphrases.ts';
import { BIGRAM } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

export enum TermClass {
  Unknown = 0,
  Hangul = 1,
  Latin = 2,
  Neutral = 3,
  Other = 4,
}

const NEUTRAL_KEY = new Set([`${KEYPHRASE}q`, NAME_KEY]);

/** True for a word or bigram in Latin script (the vocabulary judges it against Latin text only). */
export function isLatinTerm(term: string): boolean {
  const c = term.charCodeAt(term[0] === BIGRAM ? 1 : 0);
  return c >= 97 && c <= 122;
}

/** True for a romanized name key (keyphrases.ts): evidence across languages, noise within one. */
export function isNameKey(term: string): boolean {
  return term.startsWith(NAME_KEY);
}

function classify(term: string): TermClass {
  // A quantity in a Korean unit (87가구) is Korean text: no English report writes it so.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0003 is the analyzer's quantity-term marker
  if (/^\u0003q[0-9.]+[\uAC00-\uD7A3]/.test(term)) return TermClass.Hangul;
  if (/^[0-9]+$/.test(term) || NEUTRAL_KEY.has(term.slice(0, 2))) return TermClass.Neutral;
  const body = term[0] === BIGRAM ? term.slice(1) : term;
  if (/^[\uAC00-\uD7A3]/.test(body)) return TermClass.Hangul;
  if (/^[a-z]/.test(body)) return TermClass.Latin;
  return TermClass.Other;
}

/** Each term id's class, computed once from its text. */
export class TermClasses {
  private classes = new Uint8Array(1024);

  constructor(private readonly vocab: Vocabulary) {}

  of(id: number): TermClass {
    if (id >= this.classes.length) {
      const grown = new Uint8Array(Math.max(this.classes.length * 2, id + 1));
      grown.set(this.classes);
      this.classes = grown;
    }
    let c = this.classes[id]! as TermClass;
    if (c === TermClass.Unknown) this.classes[id] = c = classify(this.vocab.term(id));
    return c;
  }

  /** Hangul or Latin, whichever carries more of the vector's weight (Other when neither does). */
  scriptOf(vec: Iterable<[number, number]>): TermClass {
    let hangul = 0;
    let latin = 0;
    for (const [id, w] of vec) {
      const c = this.of(id);
      if (c === TermClass.Hangul) hangul += w;
      else if (c === TermClass.Latin) latin += w;
    }
    if (hangul === 0 && latin === 0) return TermClass.Other;
    return hangul >= latin ? TermClass.Hangul : TermClass.Latin;
  }

  /** The vector's neutral entries only. */
  neutral(vec: Iterable<[number, number]>): Map<number, number> {
    const out = new Map<number, number>();
    for (const [id, w] of vec) if (this.of(id) === TermClass.Neutral) out.set(id, w);
    return out;
  }
}

/**
 * Cosine of two vectors over their neutral terms, under `idf`, and how many neutral terms they
 * share; a single shared year is no evidence, so callers require several.
 */
export function neutralCosine(
  doc: ReadonlyMap<number, number>,
  other: Iterable<[number, number]>,
  classes: TermClasses,
  idf: (id: number) => number,
): { sim: number; shared: number; evidence: number } {
  let evidence = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  let shared = 0;
  for (const [id, w] of doc) {
    const v = w * idf(id);
    na += v * v;
  }
  for (const [id, w] of other) {
    if (classes.of(id) !== TermClass.Neutral) continue;
    const v = w * idf(id);
    nb += v * v;
    const d = doc.get(id);
    if (d !== undefined) {
      dot += d * idf(id) * v;
      evidence += idf(id);
      shared++;
    }
  }
  return { sim: na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0, shared, evidence };
}
