// Scoring for the clustering evaluation: B-cubed precision/recall/F1, correlations, seeded shuffles.
import { seededRandom } from './seeded-random.ts';

export interface Bcubed {
  p: number;
  r: number;
  f1: number;
}

/** B-cubed over items: per item, the share of its cluster that shares its label and vice versa. */
export function bcubed(labels: readonly string[], clusters: readonly number[]): Bcubed {
  const clusterSize = new Map<number, number>();
  const labelSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    clusterSize.set(clusters[i]!, (clusterSize.get(clusters[i]!) ?? 0) + 1);
    labelSize.set(labels[i]!, (labelSize.get(labels[i]!) ?? 0) + 1);
    const k = `${clusters[i]}\u0000${labels[i]}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < labels.length; i++) {
    const shared = both.get(`${clusters[i]}\u0000${labels[i]}`)!;
    p += shared / clusterSize.get(clusters[i]!)!;
    r += shared / labelSize.get(labels[i]!)!;
  }
  p /= labels.length;
  r /= labels.length;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

export { seededRandom };

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const rnd = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Summary {
  mean: Bcubed;
  worst: Bcubed;
}

/** Mean of each figure, and the run with the lowest F1 as the worst. */
export function summarise(runs: readonly Bcubed[]): Summary {
  const mean = {
    p: runs.reduce((a, r) => a + r.p, 0) / runs.length,
    r: runs.reduce((a, r) => a + r.r, 0) / runs.length,
    f1: runs.reduce((a, r) => a + r.f1, 0) / runs.length,
  };
  const worst = runs.reduce((w, r) => (r.f1 < w.f1 ? r : w));
  return { mean, worst };
}
