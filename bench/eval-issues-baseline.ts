// The baseline every figure is printed beside: whitespace tokens, sublinear TF-IDF over the whole
// stream, single-pass centroid cosine, with the single threshold that scores best on the data itself.
import type { LabelledDoc } from './eval-issues-data.ts';

type Vec = Map<string, number>;

export function whitespaceVectors(texts: readonly string[]): Vec[] {
  const bags = texts.map((t) => {
    const bag = new Map<string, number>();
    for (const w of t.toLowerCase().split(/\s+/)) if (w) bag.set(w, (bag.get(w) ?? 0) + 1);
    return bag;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return bags.map((b) => {
    const v: Vec = new Map();
    let norm = 0;
    for (const [w, tf] of b) {
      const x = (1 + Math.log(tf)) * Math.log(texts.length / df.get(w)!);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

export function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Single-pass clustering of pre-computed vectors against centroids (sums of members), exact cosine.
 * Dot products go through a term → (centroid, weight) index so a pass is not #docs × #centroids.
 */
export function singlePass(vectors: readonly Vec[], threshold: number): number[] {
  const norms2: number[] = [];
  const postings = new Map<string, Map<number, number>>();
  return vectors.map((v) => {
    const dots = new Map<number, number>();
    for (const [w, x] of v) {
      const list = postings.get(w);
      if (list) for (const [c, y] of list) dots.set(c, (dots.get(c) ?? 0) + x * y);
    }
    let best = -1;
    let bestSim = -1;
    for (const [c, dot] of dots) {
      const s = norms2[c]! > 0 ? dot / Math.sqrt(norms2[c]!) : 0;
      if (s > bestSim || (s === bestSim && c < best)) [best, bestSim] = [c, s];
    }
    if (best < 0 || bestSim < threshold) best = norms2.push(0) - 1;
    for (const [w, x] of v) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = new Map()));
      const old = list.get(best) ?? 0;
      list.set(best, old + x);
      norms2[best] = norms2[best]! + (old + x) ** 2 - old ** 2;
    }
    return best;
  });
}

// Denser where the best thresholds fall (KorQuAD's is low, WikiRef's moderate); a full 0.025 grid
// to 0.6 costs minutes for nothing.
export const BASELINE_THRESHOLDS = [
  0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3,
];

export function docText(d: LabelledDoc): string {
  return `${d.headline}\n${d.body}`;
}
