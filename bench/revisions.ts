// What the public revisions page costs: the word diff of a typical correction (one figure in a
// long body) and of a rewrite (the bounded worst case), against diffWords over the whole body
// (the obvious way), and the page itself against the article page it belongs to.
//   node --import tsx bench/revisions.ts
import { diffWords } from 'diff';
import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { wordDiff } from '../src/articles/revision-diff.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { addPress, deliver, storyHtml, LONG_STORY } from '../test/helpers/newsroom.ts';

const RUNS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

// A 300-paragraph body (~146,000 characters), as long as bodies get.
const paragraphs = Array.from({ length: 300 }, (_, p) =>
  Array.from({ length: 100 }, (_, i) => `낱말${(i * p) % 97}`).join(' '),
);
const body = paragraphs.join('\n');
const oneFigure = body.replace('낱말5 ', '바뀐말 ');
const everyParagraph = paragraphs.map((p) => p.replace('낱말1', '다른말')).join('\n');
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

console.log(`body: ${body.length} characters, ${RUNS} runs each, median`);
console.log(
  `one-figure correction: wordDiff ${fmt(await time(() => wordDiff(body, oneFigure)))}; diffWords over the whole body ${fmt(await time(() => diffWords(body, oneFigure), 5))}`,
);
console.log(
  `every paragraph changed: wordDiff ${fmt(await time(() => wordDiff(body, everyParagraph)))} (gives up at its 50 ms budget: ${(await wordDiff(body, everyParagraph)) === null})`,
);
console.log("(uncached; the page caches each revision's diff once computed)");

const handle = openDatabase({ sqlitePath: ':memory:' });
await migrateToLatest(handle);
const config = loadConfig(
  {},
  { publicUrl: 'http://bench.test', logLevel: 'silent', pageCacheSeconds: 0, demo: false, workers: false },
);
const deps = {
  db: handle.db,
  dialect: handle.dialect,
  config,
  log: pino({ level: 'silent' }),
  registry: REGISTRY,
  nudgeJobs: () => {},
};
const app = await buildApp(deps);
const pressId = await addPress(deps, 'bench', '벤치일보');
const { id } = await deliver(deps, pressId, { uri: 'urn:bench:1', headline: '벤치 기사', body_html: storyHtml() });
for (let r = 1; r <= 5; r++) {
  const fixed = LONG_STORY.map((p, i) => (i === r ? `${p} (${r}차 수정)` : p));
  await deliver(deps, pressId, { uri: 'urn:bench:1', headline: `벤치 기사 ${r}`, body_html: storyHtml(fixed) });
}
const article = await time(() => app.inject(`/articles/${id}`), 200);
const revisions = await time(() => app.inject(`/articles/${id}/revisions`), 200);
console.log(`pages (6 revisions, in-process inject): article ${fmt(article)}, revisions ${fmt(revisions)}`);
await app.close();
await handle.close();
