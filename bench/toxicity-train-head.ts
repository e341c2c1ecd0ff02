// Training one head of the toxicity model: two linear members on the same hashed features —
// logistic regression on log-scaled counts, and NB-LR (log-count ratios folded into the weights) —
// averaged; the decision threshold is the best-F1 point of 5-fold out-of-fold scores on the
// training data itself (never on the evaluation data).
import { extractFeatures, view, type FeatureConfig, type SparseVector } from '../src/comments/toxicity/features.ts';
import type { HeadToWrite } from '../src/comments/toxicity/model-file.ts';
import type { Example } from './toxicity-data.ts';
import { dot, logCountRatio, scaleBy, trainLogistic, type LogisticOptions } from './toxicity-learn.ts';
import { bestF1Threshold } from './toxicity-metrics.ts';
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
  /** Turns a head's learned score into the score the product uses (before the threshold is tuned). */
  finalScore?: (learned: number, e: Example) => number;
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
    const members = fitPrepared(
      subset(
        all,
        rows.filter((_, k) => k % s.folds !== f),
      ),
      s,
    );
    for (const i of held) {
      const learned = score(members, all.logtf[i], all.binary[i]);
      outOfFold[i] = s.finalScore ? s.finalScore(learned, examples[i]) : learned;
    }
  }
  return {
    features: s.features,
    threshold: bestF1Threshold(outOfFold, all.labels),
    members: fitPrepared(all, s),
    outOfFold,
  };
}

/** Members fitted on `examples` without the cross-validated threshold (for tuning experiments). */
export function fitMembers(examples: Example[], s: HeadSettings): HeadToWrite['members'] {
  return fitPrepared(prepare(examples, s.features), s);
}

export function scoreExample(members: HeadToWrite['members'], features: FeatureConfig, e: Example): number {
  const v = extractFeatures(features, e.text, e.title);
  return score(members, view(v, 'logtf'), view(v, 'binary'));
}
