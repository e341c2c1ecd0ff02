// `node --import tsx bench/hostile-bodies.ts`: how long one hostile article body stalls everyone
// else. Posts each of the security probe's inputs to the press API of a real app on SQLite while
// a timer probes the event loop and a /healthz request is due 20 ms in, and prints, per input,
// the median over BENCH_RUNS runs of: the answer's status, the POST's time, how long after it
// was due /healthz answered, and the worst event-loop lag.
//   BENCH_RUNS=3 node --import tsx bench/hostile-bodies.ts
import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createPress } from '../src/press/keys.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INPUTS: Record<string, string> = {
  'unclosed <a> ×66,333 (199k chars)': '<a>'.repeat(66_333),
  'nested <b> ×49,000': '<b>x'.repeat(49_000),
  'honest 1,500 paragraphs (70k chars)': Array.from(
    { length: 1_500 },
    (_, i) => `<p>${i}번째 문단입니다. 조력발전소 가동 소식.</p>`,
  ).join(''),
  'honest 4,000 paragraphs (199k chars)': Array.from(
    { length: 4_000 },
    (_, i) => `<p>${i}번째 문단, 조력발전소 가동 소식과 영어 words.</p>`,
  )
    .join('')
    .slice(0, 199_000),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const handle = openDatabase({ sqlitePath: ':memory:' });
await migrateToLatest(handle);
const config = loadConfig({}, { demo: false, workers: false, logLevel: 'silent', pageCacheSeconds: 0 });
const deps = {
  db: handle.db,
  dialect: handle.dialect,
  config,
  log: pino({ level: 'silent' }),
  nudgeJobs: () => {},
  registry: REGISTRY,
};
const app = await buildApp(deps);
await app.ready();
const { apiKey } = await createPress(deps, { slug: 'bench', name: '벤치일보' });

let n = 0;
for (const [name, body] of Object.entries(INPUTS)) {
  const posts: number[] = [];
  const healths: number[] = [];
  const lags: number[] = [];
  let status = 0;
  for (let run = 0; run < RUNS; run++) {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    const post = app
      .inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        payload: JSON.stringify({ uri: `urn:bench:${n++}`, type: 'text', headline: '벤치', body_html: body }),
      })
      .then((r) => {
        status = r.statusCode;
        posts.push(performance.now() - t0);
      });
    // A reader arriving 20 ms in: how long after that it gets its answer.
    await new Promise((r) => setTimeout(r, 20));
    await app.inject('/healthz');
    healths.push(performance.now() - (t0 + 20));
    await post;
    clearInterval(timer);
    lags.push(Math.max(worst, performance.now() - last));
  }
  console.log(
    `${name.padEnd(36)} ${status}  POST ${median(posts).toFixed(0)} ms  /healthz ${median(healths).toFixed(0)} ms  worst lag ${median(lags).toFixed(0)} ms`,
  );
}
await app.close();
await handle.close();
