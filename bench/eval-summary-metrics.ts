// Metrics for eval:summary: sentence precision/recall/F1 against the sentences people chose, and
// ROUGE-1/2 F at the character level (Hangul syllables, letters and digits; spaces and punctuation
// dropped), because Sosik has no morphological analyser and syllables are the unit Korean
// ROUGE falls back on without one.

export interface Scores {
  p: number;
  r: number;
  f1: number;
  rouge1: number;
  rouge2: number;
}

export function sentenceScores(chosen: number[], gold: number[]): Pick<Scores, 'p' | 'r' | 'f1'> {
  const g = new Set(gold);
  const hit = chosen.filter((i) => g.has(i)).length;
  const p = chosen.length ? hit / chosen.length : 0;
  const r = gold.length ? hit / gold.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function ngrams(text: string, n: number): Map<string, number> {
  const chars = [...text].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const out = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** ROUGE-n F-measure with clipped counts. */
export function rouge(candidate: string, reference: string, n: number): number {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [g, x] of c) overlap += Math.min(x, r.get(g) ?? 0);
  const cn = [...c.values()].reduce((s, x) => s + x, 0);
  const rn = [...r.values()].reduce((s, x) => s + x, 0);
  if (!cn || !rn || !overlap) return 0;
  const p = overlap / cn;
  const rec = overlap / rn;
  return (2 * p * rec) / (p + rec);
}

export function scoreSummary(sentences: string[], chosen: number[], gold: number[]): Scores {
  const text = (ids: number[]) => ids.map((i) => sentences[i]).join(' ');
  return {
    ...sentenceScores(chosen, gold),
    rouge1: rouge(text(chosen), text(gold), 1),
    rouge2: rouge(text(chosen), text(gold), 2),
  };
}

export function mean(list: Scores[]): Scores {
  const n = list.length || 1;
  const avg = (k: keyof Scores) => list.reduce((s, x) => s + x[k], 0) / n;
  return { p: avg('p'), r: avg('r'), f1: avg('f1'), rouge1: avg('rouge1'), rouge2: avg('rouge2') };
}
