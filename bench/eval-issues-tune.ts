// Developer aid: sweeps engine settings on both clustering sets at once, so the ONE shipped
// configuration is chosen for all data (never per data set). Not part of the reported evaluation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_CLUSTERING, type ClusteringSettings } from '../src/issues/settings.ts';
import { clusterStream } from '../src/issues/stream.ts';
import { loadKorQuad, loadWikiRef, type LabelledDoc } from './eval-issues-data.ts';
import { bcubed, shuffled } from './eval-issues-metrics.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.join(root, '../shared/data');
const sets = {
  wiki: loadWikiRef(path.join(data, 'wikiref220')),
  kq: loadKorQuad(path.join(data, 'korquad/KorQuAD_v1.0_dev.json')),
};
const seeds = [1, 2, 3].slice(0, Number(process.env.SEEDS ?? 2));

function meanF1(docs: LabelledDoc[], s: ClusteringSettings): string {
  let sum = 0;
  let p = 0;
  let r = 0;
  for (const seed of seeds) {
    const order = shuffled(docs, seed);
    const ids = clusterStream(
      order.map((d, i) => ({ headline: d.headline, body: d.body, time: i * 60_000 })),
      s,
    );
    const b = bcubed(
      order.map((d) => d.label),
      ids,
    );
    sum += b.f1;
    p += b.p;
    r += b.r;
  }
  const n = seeds.length;
  return `${(sum / n).toFixed(3)} (P ${(p / n).toFixed(3)} R ${(r / n).toFixed(3)})`;
}

const grid = JSON.parse(process.argv[2] ?? '{}') as Record<string, number[]>;
const keys = Object.keys(grid);
function* combos(i: number, acc: Record<string, number>): Generator<Record<string, number>> {
  if (i === keys.length) return yield { ...acc };
  for (const v of grid[keys[i]!]!) yield* combos(i + 1, { ...acc, [keys[i]!]: v });
}
for (const c of combos(0, {})) {
  const s: ClusteringSettings = {
    engine: { ...SHIPPED_CLUSTERING.engine, ...c },
    features: { ...SHIPPED_CLUSTERING.features, ...c },
    prior: 'prior' in c ? c.prior !== 0 : SHIPPED_CLUSTERING.prior,
  };
  const w = meanF1(sets.wiki, s);
  const k = meanF1(sets.kq, s);
  console.log(JSON.stringify(c), 'wiki', w, 'korquad', k);
}
