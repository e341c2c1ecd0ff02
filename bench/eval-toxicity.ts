// Evaluates the committed toxicity model against baselines measured in the same run:
//   BEEP! dev (toxic = hate or offensive vs none): the model's toxicity head, "everything is toxic",
//     and the profanity word list alone;
//   curse-detection, the seeded held-out 20%: the profanity head and the word list alone.
// Prints precision, recall, F1 (at the threshold stored in the model), ROC AUC and ms per comment
// (median of 5 timed passes after a warm-up pass).
//   npm run eval:toxicity
import { performance } from 'node:perf_hooks';
import { findProfanity, maskProfanity } from '../src/comments/toxicity/profanity.ts';
import { assessComment, loadToxicityModel, scoreProfanity, scoreToxicity } from '../src/comments/toxicity/score.ts';
import { loadBeep, loadCurseSplit, missingDataReason, type Example } from './toxicity-data.ts';
import { metricsAt } from './toxicity-metrics.ts';

const reason = missingDataReason();
if (reason) {
  console.log(`eval:toxicity ${reason}`);
  process.exit(0);
}

interface System {
  name: string;
  score: (e: Example) => number;
  threshold: number;
}

function timePerComment(score: (e: Example) => number, examples: Example[]): number {
  const passes: number[] = [];
  for (let pass = 0; pass < 6; pass++) {
    const t0 = performance.now();
    for (const e of examples) score(e);
    if (pass > 0) passes.push((performance.now() - t0) / examples.length);
  }
  return passes.sort((a, b) => a - b)[2];
}

function table(title: string, examples: Example[], systems: System[]): void {
  console.log(`\n${title} (${examples.length} comments, ${examples.filter((e) => e.label).length} positive)`);
  console.log(
    'system'.padEnd(34) +
      'P'.padStart(7) +
      'R'.padStart(7) +
      'F1'.padStart(7) +
      'AUC'.padStart(7) +
      'ms/comment'.padStart(12),
  );
  const labels = examples.map((e) => e.label);
  for (const s of systems) {
    const m = metricsAt(examples.map(s.score), labels, s.threshold);
    const ms = timePerComment(s.score, examples);
    console.log(
      s.name.padEnd(34) +
        [m.precision, m.recall, m.f1, m.auc].map((v) => v.toFixed(3).padStart(7)).join('') +
        ms.toFixed(4).padStart(12),
    );
  }
}

const loadStart = performance.now();
const model = loadToxicityModel();
console.log(`model loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
const wordList: System = {
  name: 'profanity word list alone',
  score: (e) => findProfanity(e.text).length,
  threshold: 1,
};

table('BEEP! dev: toxic (hate or offensive) vs none', loadBeep('dev'), [
  {
    name: 'sosik toxicity model',
    score: (e) => scoreToxicity(model, e.text, e.title),
    threshold: model.toxicity.header.threshold,
  },
  { name: 'baseline: everything is toxic', score: () => 1, threshold: 1 },
  wordList,
]);
const heldOut = loadCurseSplit().heldOut;
table('curse-detection held-out 20%: profanity', heldOut, [
  {
    name: 'sosik profanity model',
    score: (e) => scoreProfanity(model, e.text),
    threshold: model.profanity.header.threshold,
  },
  wordList,
]);

// What the moderation pipeline will run per comment: both scores and the masked text, next to the
// masker alone in the same run (absolute times swing with the machine's load; the ratio less so).
const all = [...loadBeep('dev'), ...heldOut];
const moderate = (e: Example) => assessComment(model, e.text, e.title).toxicity;
const maskOnly = (e: Example) => maskProfanity(e.text).length;
const ms = timePerComment(moderate, all);
const maskMs = timePerComment(maskOnly, all);
console.log(`
thresholds: toxicity ${model.toxicity.header.threshold.toFixed(3)}, profanity ${model.profanity.header.threshold.toFixed(3)} (from training data)`);
console.log(
  `full moderation pass (assessComment: toxicity + profanity + mask): ${ms.toFixed(4)} ms/comment (median of 5 passes), ${Math.round(1000 / ms)} comments/s on one core`,
);
console.log(
  `baseline, same run: profanity masking alone ${maskMs.toFixed(4)} ms/comment; the model costs ${(ms / maskMs).toFixed(1)}× the masker`,
);
