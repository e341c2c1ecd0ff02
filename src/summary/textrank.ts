// TextRank (Mihalcea & Tarau, 2004) over sentences: a sentence graph weighted by shared words,
// normalised by sentence lengths, ranked with PageRank. Used as the centrality feature of the
// summary scorer and, on its own, as the baseline eval:summary compares against.
import { termCounts, type Vector } from './vectors.ts';

const DAMPING = 0.85;
const ITERATIONS = 50;

/** Word overlap as the TextRank paper defines it: |Si ∩ Sj| / (log|Si| + log|Sj|). */
function overlap(a: Vector, b: Vector): number {
  if (a.size < 2 || b.size < 2) return 0;
  let common = 0;
  for (const t of a.keys()) if (b.has(t)) common++;
  return common ? common / (Math.log(a.size) + Math.log(b.size)) : 0;
}

/** TextRank score of every sentence (they sum to the number of sentences). */
export function textRankScores(sentences: string[], vectors: Vector[] = sentences.map(termCounts)): number[] {
  const n = sentences.length;
  const w = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : overlap(a, b))));
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let score = new Array<number>(n).fill(1);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Array<number>(n).fill(1 - DAMPING);
    for (let j = 0; j < n; j++) {
      if (!out[j]) continue;
      for (let i = 0; i < n; i++) if (w[j][i]) next[i] += (DAMPING * w[j][i] * score[j]) / out[j];
    }
    score = next;
  }
  return score;
}

/** The k highest-ranked sentences, in body order. */
export function textRankSummary(sentences: string[], k: number): number[] {
  const scores = textRankScores(sentences);
  return topIndices(scores, k);
}

export function topIndices(scores: number[], k: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}
