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

/** Single-pass clustering of pre-computed vectors against centroids (sums of members). */
export function singlePass(vectors: readonly Vec[], threshold: number): number[] {
  const centroids: Vec[] = [];
  return vectors.map((v) => {
    let best = -1;
    let bestSim = -1;
    centroids.forEach((c, i) => {
      const s = cosine(v, c);
      if (s > bestSim) [best, bestSim] = [i, s];
    });
    if (best < 0 || bestSim < threshold) {
      centroids.push(new Map(v));
      return centroids.length - 1;
    }
    const c = centroids[best]!;
    for (const [w, x] of v) c.set(w, (c.get(w) ?? 0) + x);
    return best;
  });
}

export const BASELINE_THRESHOLDS = Array.from({ length: 24 }, (_, i) => 0.025 + i * 0.025);

export function docText(d: LabelledDoc): string {
  return `${d.headline}\n${d.body}`;
}
