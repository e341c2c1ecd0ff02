// Sparse term vectors for sentence similarity, built from the shared Korean analyser (in-word
// bigrams of particle-stripped words), so 반도체를 and 반도체가 count as the same word.
import { indexTerms } from '../text/index.ts';

export type Vector = Map<string, number>;

export function termCounts(text: string): Vector {
  const v: Vector = new Map();
  for (const t of indexTerms(text)) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

/** Sentence frequency → idf within one article (a word in every sentence carries little). */
export function inverseFrequencies(docs: Vector[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + docs.length / n));
  return idf;
}

export function weigh(v: Vector, idf: Map<string, number>): Vector {
  const out: Vector = new Map();
  for (const [t, n] of v) out.set(t, (1 + Math.log(n)) * (idf.get(t) ?? Math.log(2)));
  return out;
}

export function cosine(a: Vector, b: Vector): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y) dot += x * y;
  }
  if (!dot) return 0;
  return dot / (norm(a) * norm(b));
}

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function sum(vectors: Vector[]): Vector {
  const out: Vector = new Map();
  for (const v of vectors) for (const [t, x] of v) out.set(t, (out.get(t) ?? 0) + x);
  return out;
}
