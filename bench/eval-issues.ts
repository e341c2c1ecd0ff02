// `npm run eval:issues`: issue clustering quality on real public data (../shared/data), with the one
// configuration the portal ships, beside a whitespace TF-IDF baseline measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/issues/df-prior.ts';
import { articleTerms } from '../src/issues/features.ts';
import { SHIPPED_CLUSTERING } from '../src/issues/settings.ts';
import { clusterStream } from '../src/issues/stream.ts';
import { BASELINE_THRESHOLDS, cosine, docText, singlePass, whitespaceVectors } from './eval-issues-baseline.ts';
import { loadKlueSts, loadKorQuad, loadWikiRef, type LabelledDoc } from './eval-issues-data.ts';
import { bcubed, pearson, shuffled, spearman, summarise, type Bcubed, type Summary } from './eval-issues-metrics.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(path.resolve(projectRoot, '../shared'), 'data');
const SEEDS = Array.from({ length: Number(process.env.EVAL_SEEDS ?? 20) }, (_, i) => 1000 + i);

function runOurs(docs: readonly LabelledDoc[]): Summary {
  const runs: Bcubed[] = SEEDS.map((seed) => {
    const order = shuffled(docs, seed);
    const t0 = Date.UTC(2025, 0, 1);
    const ids = clusterStream(order.map((d, i) => ({ headline: d.headline, body: d.body, time: t0 + i * 60_000 })));
    return bcubed(
      order.map((d) => d.label),
      ids,
    );
  });
  return summarise(runs);
}

function runBaseline(docs: readonly LabelledDoc[]): Summary & { threshold: number } {
  const vectors = whitespaceVectors(docs.map(docText));
  const orders = SEEDS.map((seed) =>
    shuffled(
      docs.map((_, i) => i),
      seed,
    ),
  );
  let best: (Summary & { threshold: number }) | undefined;
  for (const threshold of BASELINE_THRESHOLDS) {
    const s = summarise(
      orders.map((order) =>
        bcubed(
          order.map((i) => docs[i]!.label),
          singlePass(
            order.map((i) => vectors[i]!),
            threshold,
          ),
        ),
      ),
    );
    if (!best || s.mean.f1 > best.mean.f1) best = { ...s, threshold };
  }
  return best!;
}

const f = (x: number) => x.toFixed(3);
const row = (name: string, s: Summary) =>
  `| ${name} | ${f(s.mean.p)} | ${f(s.mean.r)} | **${f(s.mean.f1)}** | ${f(s.worst.p)} | ${f(s.worst.r)} | ${f(s.worst.f1)} |`;

function clusteringTable(title: string, docs: readonly LabelledDoc[], target: number): boolean {
  const t = performance.now();
  const ours = runOurs(docs);
  const ms = (performance.now() - t) / SEEDS.length;
  const base = runBaseline(docs);
  const labels = new Set(docs.map((d) => d.label)).size;
  console.log(`\n### ${title}: ${docs.length} documents, ${labels} topics, ${SEEDS.length} orders`);
  console.log('| method | mean P | mean R | mean F1 | worst P | worst R | worst F1 |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('sosik (shipped config)', ours));
  console.log(row(`baseline: whitespace TF-IDF, best threshold ${base.threshold.toFixed(3)}`, base));
  const ok = ours.mean.f1 >= target;
  console.log(`target mean F1 ≥ ${target}: ${ok ? 'met' : 'NOT met'} · ${ms.toFixed(0)} ms per pass`);
  return ok;
}

function stsTable(file: string): void {
  const pairs = loadKlueSts(file);
  const engine = createEngine(SHIPPED_CLUSTERING);
  const vecs = pairs.map((p) => [
    engine.observe(articleTerms('', p.a, SHIPPED_CLUSTERING.features)),
    engine.observe(articleTerms('', p.b, SHIPPED_CLUSTERING.features)),
  ]);
  const ours = vecs.map(([a, b]) => engine.similarity(a!, b!));
  const wv = whitespaceVectors(pairs.flatMap((p) => [p.a, p.b]));
  const base = pairs.map((_, i) => cosine(wv[2 * i]!, wv[2 * i + 1]!));
  const human = pairs.map((p) => p.score);
  console.log(`\n### KLUE-STS dev: ${pairs.length} sentence pairs vs human similarity`);
  console.log('| method | Pearson | Spearman |');
  console.log('|---|---|---|');
  console.log(`| sosik similarity | ${f(pearson(ours, human))} | ${f(spearman(ours, human))} |`);
  console.log(`| baseline: whitespace TF-IDF cosine | ${f(pearson(base, human))} | ${f(spearman(base, human))} |`);
}

if (!fs.existsSync(dataDir)) {
  console.log(`eval:issues skipped: ${dataDir} is absent (the public evaluation data lives beside the project).`);
  process.exit(0);
}
console.log('## Issue clustering evaluation');
console.log(`engine: ${JSON.stringify(SHIPPED_CLUSTERING)}`);
const wiki = path.join(dataDir, 'wikiref220');
const korquad = path.join(dataDir, 'korquad/KorQuAD_v1.0_dev.json');
const sts = path.join(dataDir, 'klue-sts/klue-sts-v1.1_dev.json');
if (fs.existsSync(wiki)) clusteringTable('WikiRef220 (English news)', loadWikiRef(wiki), 0.93);
if (fs.existsSync(korquad))
  clusteringTable('KorQuAD 1.0 dev paragraphs → articles (Korean)', loadKorQuad(korquad), 0.8);
if (fs.existsSync(sts)) stsTable(sts);
