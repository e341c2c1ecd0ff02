// Trains the comment toxicity model from ../shared/data and writes
// src/comments/toxicity/model/toxicity.bin (committed with its ATTRIBUTION.md):
//   toxicity head  — BEEP! korean-hate-speech train (toxic = hate or offensive), headlines as context
//   profanity head — curse-detection, the seeded 80% training part only
// Each head: two linear members on hashed n-grams, then a combiner over both heads' members and
// the word list (stacking), thresholds at the best F1 of out-of-fold scores on training data.
//   npm run train:toxicity
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FeatureConfig } from '../src/comments/toxicity/features.ts';
import { encodeModel, type HeadToWrite } from '../src/comments/toxicity/model-file.ts';
import { findProfanity } from '../src/comments/toxicity/profanity.ts';
import { DEFAULT_MODEL_PATH, withWordList } from '../src/comments/toxicity/score.ts';
import { CURSE_SPLIT_SEED, loadBeep, loadCurseSplit, missingDataReason } from './toxicity-data.ts';
import { combinerOutOfFold, fitCombiner } from './toxicity-combiner.ts';
import { bestF1Threshold } from './toxicity-metrics.ts';
import { fitWithOutOfFold, memberLogits, type HeadSettings } from './toxicity-train-head.ts';

const reason = missingDataReason();
if (reason) {
  console.log(`train:toxicity ${reason}`);
  process.exit(0);
}

const SEED = 1;
const TEXT_FEATURES: FeatureConfig = {
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

export const TOXICITY_SETTINGS: HeadSettings = {
  features: { ...TEXT_FEATURES, titleWeight: 0.3 },
  learner: { lambda: 1e-5, epochs: 5, learningRate: 0.1, seed: SEED },
  folds: 5,
  minCount: 3,
};

export const PROFANITY_SETTINGS: HeadSettings = {
  features: { ...TEXT_FEATURES, profanityWeight: 3 },
  learner: { lambda: 1e-5, epochs: 10, learningRate: 0.2, seed: SEED },
  folds: 5,
  minCount: 2,
};

/** The word-list flags every combiner reads after the logits (WORD_LIST_FLAGS of them). */
const wordListFlags = (found: number) => [found > 0 ? 1 : 0, found > 1 ? 1 : 0];

const t0 = performance.now();
const beep = loadBeep('train');
const curse = loadCurseSplit().train;
const tox = fitWithOutOfFold(beep, TOXICITY_SETTINGS);
const prof = fitWithOutOfFold(curse, PROFANITY_SETTINGS);

// Each head's combiner reads its own members' out-of-fold logits and the other head's members
// (fitted on the other data set, so they never saw these rows) on the same comment.
const beepFound = beep.map((e) => findProfanity(e.text).length);
const curseFound = curse.map((e) => findProfanity(e.text).length);
const toxRows = beep.map((e, i) => [
  ...tox.outOfFold[i],
  ...memberLogits(prof.members, prof.features, e),
  ...wordListFlags(beepFound[i]),
]);
const profRows = curse.map((e, i) => [
  ...prof.outOfFold[i],
  ...memberLogits(tox.members, tox.features, { ...e, title: undefined }),
  ...wordListFlags(curseFound[i]),
]);
const COMBINER_FOLDS = 5;
const toxLabels = beep.map((e) => e.label);
const profLabels = curse.map((e) => e.label);
const toxOutOfFold = combinerOutOfFold(toxRows, toxLabels, COMBINER_FOLDS, SEED + 2);
const profOutOfFold = combinerOutOfFold(profRows, profLabels, COMBINER_FOLDS, SEED + 2).map((p, i) =>
  withWordList(p, curseFound[i]),
);
const toxicity: HeadToWrite = {
  features: tox.features,
  members: tox.members,
  combiner: fitCombiner(toxRows, toxLabels),
  threshold: bestF1Threshold(toxOutOfFold, toxLabels),
};
const profanity: HeadToWrite = {
  features: prof.features,
  members: prof.members,
  combiner: fitCombiner(profRows, profLabels),
  threshold: bestF1Threshold(profOutOfFold, profLabels),
};
console.log(
  `toxicity head: ${beep.length} BEEP! train comments, threshold ${toxicity.threshold.toFixed(3)} (best F1 of out-of-fold scores)`,
);
console.log(
  `profanity head: ${curse.length} curse-detection comments (80%, seed ${CURSE_SPLIT_SEED}), threshold ${profanity.threshold.toFixed(3)}`,
);

const file = encodeModel(
  { toxicity, profanity },
  {
    toxicity: 'BEEP! korean-hate-speech train.tsv + train.news_title.txt (CC BY-SA 4.0), labels hate|offensive vs none',
    profanity: `curse-detection dataset.txt (MIT), seeded 80% split (seed ${CURSE_SPLIT_SEED})`,
    command: 'npm run train:toxicity',
    seed: String(SEED),
  },
);
fs.writeFileSync(DEFAULT_MODEL_PATH, file);
console.log(
  `wrote ${DEFAULT_MODEL_PATH} (${(file.length / 1024 / 1024).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
