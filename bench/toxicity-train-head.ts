// Training one head of the toxicity model: two linear members on the same hashed features —
// logistic regression on log-scaled counts, and NB-LR (log-count ratios folded into the weights) —
// averaged; the decision threshold is the best-F1 point of 5-fold out-of-fold scores on the
// training data itself (never on the evaluation data).
import { extractFeatures, type FeatureConfig, type SparseVector } from '../src/comments/toxicity/features.ts';
import type { HeadToWrite } from '../src/comments/toxicity/model-file.ts';
import type { Example } from './toxicity-data.ts';
import { dot, logCountRatio, scaleBy, trainLogistic, type LogisticOptions } from './toxicity-learn.ts';
import { bestF1Threshold } from './toxicity-metrics.ts';
import { seededRandom } from './seeded-random.ts';

export interface HeadSettings {
  features: FeatureConfig;
  learner: Omit<LogisticOptions, 'dim'>;
  folds: number;
}

interface Prepared {
  logtf: SparseVector[];
  binary: SparseVector[];
  labels: number[];
}

function prepare(examples: Example[], features: FeatureConfig): Prepared {
  return {
    logtf: examples.map((e) => extractFeatures(features, 'logtf', e.text, e.title)),
    binary: examples.map((e) => extractFeatures(features, 'binary', e.text, e.title)),
    labels: examples.map((e) => e.label),
  };
}

function subset(p: Prepared, rows: number[]): Prepared {
  return { logtf: rows.map((i) => p.logtf[i]), binary: rows.map((i) => p.binary[i]), labels: rows.map((i) => p.labels[i]) };
}

function fit(p: Prepared, s: HeadSettings): HeadToWrite['members'] {
  const dim = 1 << s.features.bits;
  const lr = trainLogistic(p.logtf, p.labels, { ...s.learner, dim });
  const r = logCountRatio(p.binary, p.labels, dim);
  const nb = trainLogistic(p.binary.map((x) => scaleBy(x, r)), p.labels, { ...s.learner, dim });
  const folded = nb.weights.map((w, h) => w * r[h]);
  return [
    { weighting: 'logtf', bias: lr.bias, weights: lr.weights },
    { weighting: 'binary', bias: nb.bias, weights: folded },
  ];
}

function score(members: HeadToWrite['members'], logtf: SparseVector, binary: SparseVector): number {
  let sum = 0;
  for (const m of members) sum += 1 / (1 + Math.exp(-dot(m, m.weighting === 'logtf' ? logtf : binary)));
  return sum / members.length;
}

export function trainHead(examples: Example[], s: HeadSettings): HeadToWrite & { outOfFold: number[] } {
  const all = prepare(examples, s.features);
  const rows = examples.map((_, i) => i);
  const random = seededRandom(s.learner.seed + 1);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const outOfFold = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < s.folds; f++) {
    const held = rows.filter((_, k) => k % s.folds === f);
    const members = fit(subset(all, rows.filter((_, k) => k % s.folds !== f)), s);
    for (const i of held) outOfFold[i] = score(members, all.logtf[i], all.binary[i]);
  }
  return { features: s.features, threshold: bestF1Threshold(outOfFold, all.labels), members: fit(all, s), outOfFold };
}
