// Feature and learner experiments for the toxicity model on a seeded 80/20 split of the TRAINING
// data only (BEEP! train or the curse-detection training 80%): dev and held-out data stay unseen.
//   node --import tsx bench/toxicity-tune.ts beep|curse
import type { FeatureConfig } from '../src/comments/toxicity/features.ts';
import { loadBeep, loadCurseSplit, missingDataReason, type Example } from './toxicity-data.ts';
import { bestF1Threshold, metricsAt, rocAuc } from './toxicity-metrics.ts';
import { seededRandom } from './seeded-random.ts';
import { fitMembers, scoreExample, type HeadSettings } from './toxicity-train-head.ts';

const reason = missingDataReason();
if (reason) {
  console.log(`toxicity-tune ${reason}`);
  process.exit(0);
}

const task = process.argv[2] === 'curse' ? 'curse' : 'beep';
const all: Example[] = task === 'beep' ? loadBeep('train') : loadCurseSplit().train;
const random = seededRandom(7);
const order = all.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const cut = Math.round(all.length * 0.8);
const train = order.slice(0, cut).map((i) => all[i]);
const valid = order.slice(cut).map((i) => all[i]);

const base: FeatureConfig = {
  bits: 20,
  charMin: 1,
  charMax: 5,
  jamoMin: 2,
  jamoMax: 5,
  words: true,
  wordBigrams: true,
  titleWeight: 0,
  profanityWeight: 0,
};
const learner = { lambda: 1e-5, epochs: 10, learningRate: 0.2, seed: 1 };

function run(name: string, s: HeadSettings): void {
  const members = fitMembers(train, s);
  const labels = valid.map((e) => e.label);
  const scores = valid.map((e) => scoreExample(members, s.features, e));
  const f1 = metricsAt(scores, labels, bestF1Threshold(scores, labels)).f1;
  console.log(`${name.padEnd(30)} AUC ${rocAuc(scores, labels).toFixed(3)}  best-F1 ${f1.toFixed(3)}`);
}

const experiments: Record<string, HeadSettings> = {
  base: { features: base, learner, folds: 1 },
  title03: { features: { ...base, titleWeight: 0.3 }, learner, folds: 1 },
  prof1: { features: { ...base, profanityWeight: 1 }, learner, folds: 1 },
  stems: { features: { ...base, stems: true }, learner, folds: 1 },
  compact4: { features: { ...base, compactMax: 4 }, learner, folds: 1 },
  split: { features: { ...base, splitBlocks: true }, learner, folds: 1 },
  lambda1e4: { features: base, learner: { ...learner, lambda: 1e-4 }, folds: 1 },
  lambda1e3: { features: base, learner: { ...learner, lambda: 1e-3 }, folds: 1 },
  lambda3e3: { features: base, learner: { ...learner, lambda: 3e-3 }, folds: 1 },
  epochs3: { features: base, learner: { ...learner, epochs: 3, learningRate: 0.1 }, folds: 1 },
  epochs5lr05: { features: base, learner: { ...learner, epochs: 5, learningRate: 0.05 }, folds: 1 },
  t03e5: { features: { ...base, titleWeight: 0.3 }, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
  t05e5: { features: { ...base, titleWeight: 0.5 }, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
  t02e5: { features: { ...base, titleWeight: 0.2 }, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
  p1e5: { features: { ...base, profanityWeight: 1 }, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
  p2e5: { features: { ...base, profanityWeight: 2 }, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
  p1e5c: {
    features: { ...base, profanityWeight: 1, compactMax: 4 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
  },
  t03e5m2: {
    features: { ...base, titleWeight: 0.3 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
    minCount: 2,
  },
  t03e5m3: {
    features: { ...base, titleWeight: 0.3 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
    minCount: 3,
  },
  p1m2: { features: { ...base, profanityWeight: 1 }, learner, folds: 1, minCount: 2 },
  p3m2: { features: { ...base, profanityWeight: 3 }, learner, folds: 1, minCount: 2 },
  p5m2: { features: { ...base, profanityWeight: 5 }, learner, folds: 1, minCount: 2 },
  a05: {
    features: { ...base, titleWeight: 0.3 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
    minCount: 3,
    nbAlpha: 0.5,
  },
  a02: {
    features: { ...base, titleWeight: 0.3 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
    minCount: 3,
    nbAlpha: 0.2,
  },
  a2: {
    features: { ...base, titleWeight: 0.3 },
    learner: { ...learner, epochs: 5, learningRate: 0.1 },
    folds: 1,
    minCount: 3,
    nbAlpha: 2,
  },
  epochs5: { features: base, learner: { ...learner, epochs: 5, learningRate: 0.1 }, folds: 1 },
};
for (const name of process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(experiments))
  run(name, experiments[name]);
