import { SHIPPED_CLUSTERING } from '../src/issues/settings.ts';
import { clusterStream } from '../src/issues/stream.ts';
import { loadDemoArticles } from '../src/demo/seed.ts';
import { bcubed } from './eval-issues-metrics.ts';
const files = loadDemoArticles() as any[];
const docs = files.map((f) => ({ headline: f.item.headline, body: f.item.body_html.replace(/<[^>]*>/g, ' '), time: -f.hoursAgo * 3600000 }));
const labels = files.map((f) => f.event ?? f.item.uri);
const grid = JSON.parse(process.argv[2] ?? '{}') as Record<string, number[]>;
const keys = Object.keys(grid);
function* combos(i: number, acc: Record<string, number>): Generator<Record<string, number>> {
  if (i === keys.length) return yield { ...acc };
  for (const v of grid[keys[i]!]!) yield* combos(i + 1, { ...acc, [keys[i]!]: v });
}
for (const c of combos(0, {})) {
  const s = { engine: { ...SHIPPED_CLUSTERING.engine, ...c }, features: { ...SHIPPED_CLUSTERING.features, ...c }, prior: 'prior' in c ? c.prior !== 0 : true };
  const b = bcubed(labels, clusterStream(docs, s));
  console.log(JSON.stringify(c), b.f1.toFixed(3), b.p.toFixed(3), b.r.toFixed(3));
}
