// Training the linear members of one head of the toxicity model: logistic regression on
// log-scaled counts, and NB-LR (log-count ratios folded into the weights), on the same hashed
// features. Their k-fold out-of-fold logits on the training data are what the head's combiner
// (toxicity-combiner.ts) learns from, so it never sees a member's score on its own training rows.
import { extractFeatures, view, type FeatureConfig, type SparseVector } from '../src/comments/toxicity/features.ts';
import type { HeadToWrite } from '../src/comments/toxicity/model-file.ts';
import type { Example } from './toxicity-data.ts';
import { dot, logCountRatio, scaleBy, trainLogistic, type LogisticOptions } from './toxicity-learn.ts';
import { seededRandom } from './seeded-random.ts';

export interface HeadSettings {
  features: FeatureConfig;
  learner: Omit<LogisticOptions, 'dim'>;
  folds: number;
  /**
   * Buckets seen in fewer training comments than this get no weight (they are dropped from the
   * vectors after normalisation, so inference, which sees them with weight 0, computes the same).
   * This keeps the model file small.
   */
  minCount?: number;
  /** Additive smoothing of the NB-LR log-count ratios (default 1). */
  nbAlpha?: number;
}

interface Prepared {
  logtf: SparseVector[];
  binary: SparseVector[];
  labels: number[];
}

function prepare(examples: Example[], features: FeatureConfig): Prepared {
  const vectors = examples.map((e) => extractFeatures(features, e.text, e.title));
  return {
    logtf: vectors.map((v) => view(v, 'logtf')),
    binary: vectors.map((v) => view(v, 'binary')),
    labels: examples.map((e) => e.label),
  };
}

function subset(p: Prepared, rows: number[]): Prepared {
  return {
    logtf: rows.map((i) => p.logtf[i]),
    binary: rows.map((i) => p.binary[i]),
    labels: rows.map((i) => p.labels[i]),
  };
}

function keepFrequent(xs: SparseVector[], dim: number, minCount: number): SparseVector[] {
  if (minCount <= 1) return xs;
  const df = new Uint32Array(dim);
  for (const x of xs) for (const h of new Set(x.idx)) df[h]++;
  return xs.map((x) => {
    const keep: number[] = [];
    x.idx.forEach((h, i) => {
      if (df[h] >= minCount) keep.push(i);
    });
    return { idx: Int32Array.from(keep, (i) => x.idx[i]), val: Float32Array.from(keep, (i) => x.val[i]) };
  });
}

function fitPrepared(raw: Prepared, s: HeadSettings): HeadToWrite['members'] {
  const dim = 1 << s.features.bits;
  const p = {
    ...raw,
    logtf: keepFrequent(raw.logtf, dim, s.minCount ?? 1),
    binary: keepFrequent(raw.binary, dim, s.minCount ?? 1),
  };
  const lr = trainLogistic(p.logtf, p.labels, { ...s.learner, dim });
  const r = logCountRatio(p.binary, p.labels, dim, s.nbAlpha ?? 1);
  const nb = trainLogistic(
    p.binary.map((x) => scaleBy(x, r)),
    p.labels,
    { ...s.learner, dim },
  );
  const folded = nb.weights.map((w, h) => w * r[h]);
  return [
    { weighting: 'logtf', bias: lr.bias, weights: lr.weights },
    { weighting: 'binary', bias: nb.bias, weights: folded },
  ];
}

function logits(members: HeadToWrite['members'], logtf: SparseVector, binary: SparseVector): number[] {
  return members.map((m) => dot(m, m.weighting === 'logtf' ? logtf : binary));
}

function score(members: HeadToWrite['members'], logtf: SparseVector, binary: SparseVector): number {
  let sum = 0;
  for (const z of logits(members, logtf, binary)) sum += 1 / (1 + Math.exp(-z));
  return sum / members.length;
}

export interface FittedMembers {
  features: FeatureConfig;
  members: HeadToWrite['members'];
  /** Per training example, each member's logit from the fold that did not train on it. */
  outOfFold: number[][];
}

/** The members fitted on all of `examples`, and their k-fold out-of-fold logits. */
export function fitWithOutOfFold(examples: Example[], s: HeadSettings): FittedMembers {
  const all = prepare(examples, s.features);
  const rows = examples.map((_, i) => i);
  const random = seededRandom(s.learner.seed + 1);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const outOfFold: number[][] = new Array(examples.length);
  for (let f = 0; f < s.folds; f++) {
    const members = fitPrepared(
      subset(
        all,
        rows.filter((_, k) => k % s.folds !== f),
      ),
      s,
    );
    rows.forEach((i, k) => {
      if (k % s.folds === f) outOfFold[i] = logits(members, all.logtf[i], all.binary[i]);
    });
  }
  return { features: s.features, members: fitPrepared(all, s), outOfFold };
}

/** Each member's logit for one example (for scoring another data set with these members). */
export function memberLogits(members: HeadToWrite['members'], features: FeatureConfig, e: Example): number[] {
  const v = extractFeatures(features, e.text, e.title);
  return logits(members, view(v, 'logtf'), view(v, 'binary'));
}

/** Members fitted on `examples` without the cross-validated threshold (for tuning experiments). */
export function fitMembers(examples: Example[], s: HeadSettings): HeadToWrite['members'] {
  return fitPrepared(prepare(examples, s.features), s);
}

export function scoreExample(members: HeadToWrite['members'], features: FeatureConfig, e: Example): number {
  const v = extractFeatures(features, e.text, e.title);
  return score(members, view(v, 'logtf'), view(v, 'binary'));
}
