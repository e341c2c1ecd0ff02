// `npm run bench:issues [-- --sizes=10000,100000,1000000 --db-sizes=10000 --db=sqlite,postgres --window=5000]`:
// articles/s assigned to issues with 10k, 100k and 1M articles already clustered, and peak memory.
// Engine: the clustering step itself (analysis, IDF, candidate index, centroids) on one stream that
// passes each size in turn. Job: the whole `issues.assign` job (transaction, reads, writes) on each
// database of --db (PostgreSQL: the server of SOSIK_TEST_PG_URL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/issues/df-prior.ts';
import { articleTerms } from '../src/issues/features.ts';
import { SHIPPED_CLUSTERING } from '../src/issues/settings.ts';
import { benchJobPath } from './issues-job.ts';
import { syntheticArticles } from './issues-generator.ts';

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const dbSizes = arg('db-sizes', '10000').split(',').filter(Boolean).map(Number);
const window = Number(arg('window', '5000'));
const dialects = arg('db', 'sqlite')
  .split(',')
  .filter(Boolean)
  .map((d) => (d === 'postgres' || d === 'pg' ? ('postgres' as const) : ('sqlite' as const)));

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

function benchEngine(): Array<{ size: number; perSec: number; usPer: number; wallPerSec: number; clusters: number }> {
  const engine = createEngine(SHIPPED_CLUSTERING);
  const stream = syntheticArticles();
  const results: Array<{ size: number; perSec: number; usPer: number; wallPerSec: number; clusters: number }> = [];
  let done = 0;
  const assignOne = (a = stream.next().value!) => {
    const vec = engine.observe(articleTerms(a.headline, a.body, SHIPPED_CLUSTERING.features));
    engine.assign(vec, a.time);
    if (++done % 1000 === 0) {
      engine.evictIdle(a.time);
      sample();
    }
  };
  const started = performance.now();
  for (const size of [...sizes].sort((x, y) => x - y)) {
    while (done < size) assignOne();
    // Generated before the clock starts: the generator is not what is measured.
    const batch = Array.from({ length: window }, () => stream.next().value!);
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (const a of batch) assignOne(a);
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    // CPU time, not wall time: the machine is shared, and "one core" means what this process burnt.
    const ms = (used.user + used.system) / 1000;
    results.push({
      size,
      perSec: (window / ms) * 1000,
      usPer: (ms * 1000) / window,
      wallPerSec: (window / wallMs) * 1000,
      clusters: engine.clusters.size,
    });
    console.log(
      `  engine: ${size.toLocaleString()} stored → ${((window / ms) * 1000).toFixed(0)} articles/s per CPU-second (${((performance.now() - started) / 1000).toFixed(0)} s so far)`,
    );
  }
  return results;
}

console.log(`## Issues benchmark (${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, one core)`);
console.log(
  `window: ${window} articles measured after each size; synthetic Korean articles (bench/issues-generator.ts)`,
);
const engineResults = benchEngine();
const base = engineResults[0]!;
console.log(
  '\n| stored articles | articles/s (one core, CPU time) | µs/article | × time at the smallest size | articles/s wall clock (shared machine) | live issues in memory |',
);
console.log('|---|---|---|---|---|---|');
for (const r of engineResults) {
  console.log(
    `| ${r.size.toLocaleString()} | ${r.perSec.toFixed(0)} | ${r.usPer.toFixed(0)} | ${(r.usPer / base.usPer).toFixed(2)} | ${r.wallPerSec.toFixed(0)} | ${r.clusters.toLocaleString()} |`,
  );
}
console.log(`peak RSS (engine run): ${mb(peakRss)}`);

if (dbSizes.length) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-issues-'));
  try {
    const rows = [];
    for (const dialect of dialects)
      for (const r of await benchJobPath(dialect, dir, dbSizes, Math.min(window, 2000), sample))
        rows.push({ dialect, ...r });
    console.log(
      '\n| database | stored articles | issues.assign articles/s (one core, CPU time) | ms/article | articles/s wall clock |',
    );
    console.log('|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.dialect} | ${r.size.toLocaleString()} | ${r.perSec.toFixed(0)} | ${r.msPer.toFixed(2)} | ${r.wallPerSec.toFixed(0)} |`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`peak RSS (whole run): ${mb(peakRss)}`);
