// The combiner that ends each head of the toxicity model: a logistic regression over a few dense
// inputs (the members' logits of both heads and the word-list flags), fitted by Newton's method
// with a small ridge, so it is exact and deterministic. Its threshold comes from its own k-fold
// out-of-fold scores on the training rows.
import type { Combiner } from '../src/comments/toxicity/model-file.ts';
import { seededRandom } from './seeded-random.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Ridge on the weights (not the bias): keeps near-collinear logits from trading huge weights. */
const RIDGE = 1;

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

export function fitCombiner(rows: number[][], labels: number[]): Combiner {
  const d = rows[0].length;
  // Weights then bias; the bias column is an implicit 1.
  let w = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    rows.forEach((x, n) => {
      let z = w[d];
      for (let j = 0; j < d; j++) z += w[j] * x[j];
      const p = sigmoid(z);
      const e = p - labels[n];
      const s = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= d; i++) {
        const xi = i < d ? x[i] : 1;
        g[i] += e * xi;
        for (let j = 0; j <= d; j++) h[i][j] += s * xi * (j < d ? x[j] : 1);
      }
    });
    for (let j = 0; j < d; j++) {
      g[j] += RIDGE * w[j];
      h[j][j] += RIDGE;
    }
    const step = solve(h, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { bias: w[d], weights: w.slice(0, d) };
}

export function applyCombiner(c: Combiner, x: number[]): number {
  let z = c.bias;
  for (let j = 0; j < x.length; j++) z += c.weights[j] * x[j];
  return sigmoid(z);
}

/** Each row's combiner score from a combiner fitted on the other folds. */
export function combinerOutOfFold(rows: number[][], labels: number[], folds: number, seed: number): number[] {
  const order = rows.map((_, i) => i);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = order.filter((_, k) => k % folds !== f);
    const c = fitCombiner(
      train.map((i) => rows[i]),
      train.map((i) => labels[i]),
    );
    order.forEach((i, k) => {
      if (k % folds === f) out[i] = applyCombiner(c, rows[i]);
    });
  }
  return out;
}
