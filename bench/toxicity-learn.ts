// Learning for the toxicity model: L2-regularised logistic regression on sparse hashed features
// (AdaGrad SGD, seeded order, so a run is reproducible), and the log-count ratios of NB-LR
// (Wang & Manning 2012): each feature scaled by how much more often it appears in positives.
import type { SparseVector } from '../src/comments/toxicity/features.ts';
import { seededRandom } from './seeded-random.ts';

export interface LogisticOptions {
  dim: number;
  /** L2 strength per example step. */
  lambda: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight?: number;
}

export interface Linear {
  weights: Float64Array;
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function dot(m: Linear, x: SparseVector): number {
  let z = m.bias;
  for (let i = 0; i < x.idx.length; i++) z += m.weights[x.idx[i]] * x.val[i];
  return z;
}

export function trainLogistic(xs: SparseVector[], ys: number[], o: LogisticOptions): Linear {
  const w = new Float64Array(o.dim);
  const g2 = new Float64Array(o.dim).fill(1e-8);
  let bias = 0;
  let bg2 = 1e-8;
  const order = xs.map((_, i) => i);
  const random = seededRandom(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const x = xs[k];
      const y = ys[k];
      const p = sigmoid(dot({ weights: w, bias }, x));
      const scale = y === 1 ? (o.positiveWeight ?? 1) : 1;
      const err = (p - y) * scale;
      for (let i = 0; i < x.idx.length; i++) {
        const h = x.idx[i];
        const g = err * x.val[i] + o.lambda * w[h];
        g2[h] += g * g;
        w[h] -= (o.learningRate * g) / Math.sqrt(g2[h]);
      }
      bg2 += err * err;
      bias -= (o.learningRate * err) / Math.sqrt(bg2);
    }
  }
  return { weights: w, bias };
}

/** log((p/|p|) / (q/|q|)) per bucket over presence features, with additive smoothing `alpha`. */
export function logCountRatio(xs: SparseVector[], ys: number[], dim: number, alpha = 1): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach((x, k) => {
    const side = ys[k] === 1 ? p : q;
    for (let i = 0; i < x.idx.length; i++) side[x.idx[i]] += x.val[i] > 0 ? 1 : 0;
  });
  let ps = 0;
  let qs = 0;
  for (let h = 0; h < dim; h++) {
    ps += p[h];
    qs += q[h];
  }
  const r = new Float64Array(dim);
  for (let h = 0; h < dim; h++) r[h] = Math.log(p[h] / ps / (q[h] / qs));
  return r;
}

/** x with every value multiplied by r of its bucket. */
export function scaleBy(x: SparseVector, r: Float64Array): SparseVector {
  return { idx: x.idx, val: Float32Array.from(x.val, (v, i) => v * r[x.idx[i]]) };
}
