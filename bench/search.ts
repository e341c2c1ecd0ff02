// Search speed on synthetic Korean news: index build time and size, then p50/p95 latency of 1-, 2-
// and 3-word queries (and two-syllable words alone), unfiltered and filtered, through the same
// searchArticles the page calls, on SQLite and PostgreSQL, next to an FTS5 trigram baseline.
//   npm run bench:search -- [--n 1000000] [--dialects sqlite,postgres|none] [--queries 200] [--peers]
//     [--pg-schema NAME]
// --pg-schema keeps the PostgreSQL index in that schema: the first run builds it, a later run with
// the same --n measures the queries again without the build (about half an hour at 1M); drop it by hand.
// --peers adds the in-memory libraries (MiniSearch, FlexSearch; Orama with --orama) on the same
// corpus; meant for --n 100000, they hold everything in RAM.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Dialect } from '../src/db/database.ts';
import { reindexAll } from '../src/search/indexing.ts';
import type { SearchRequest } from '../src/search/model.ts';
import { searchArticles } from '../src/search/search-service.ts';
import { tokenize } from '../src/text/index.ts';
import { buildVocabulary, mulberry32, syntheticArticles } from './search-corpus.ts';
import { benchPeers } from './search-peers.ts';
import {
  createBenchDb,
  fmtMs,
  insertArticles,
  latencySummary,
  postgresReachable,
  type BenchArticle,
  type BenchDb,
} from './search-support.ts';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2025, 0, 1);

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface QuerySet {
  name: string;
  queries: string[];
}

/** Queries made of words that co-occur in real (generated) headlines, as readers' queries do. */
function buildQuerySets(headlines: string[], perSet: number): QuerySet[] {
  const rand = mulberry32(7);
  const stems = headlines.map((h) =>
    tokenize(h)
      .filter((t) => t.kind === 'hangul')
      .map((t) => t.stem),
  );
  const take = (n: number, filter: (s: string) => boolean = () => true) => {
    const out: string[] = [];
    for (let guard = 0; out.length < perSet && guard < perSet * 100; guard++) {
      const words = [...new Set(stems[Math.floor(rand() * stems.length)].filter(filter))];
      if (words.length < n) continue;
      const chosen: string[] = [];
      while (chosen.length < n) {
        const w = words.splice(Math.floor(rand() * words.length), 1)[0];
        chosen.push(w);
      }
      out.push(chosen.join(' '));
    }
    return out;
  };
  return [
    { name: '1 word', queries: take(1) },
    { name: '1 word, two syllables', queries: take(1, (s) => [...s].length === 2) },
    { name: '2 words', queries: take(2) },
    { name: '3 words', queries: take(3) },
  ];
}

async function timeQueries(run: (q: string) => Promise<unknown> | unknown, queries: string[]) {
  for (const q of queries.slice(0, 5)) await run(q); // warm caches
  const samples: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    samples.push(performance.now() - t0);
  }
  return latencySummary(samples);
}

function logRow(r: Row): void {
  process.stderr.write(
    `row: ${r.system} | ${r.set} | ${r.filtered ? 'filtered' : 'unfiltered'} | p50 ${fmtMs(r.p50)} | p95 ${fmtMs(r.p95)} ${r.note ?? ''}\n`,
  );
}

interface Row {
  system: string;
  set: string;
  filtered: boolean;
  p50: number;
  p95: number;
  note?: string;
}

async function benchDialect(dialect: Dialect, n: number, perSet: number, rows: Row[]): Promise<void> {
  const keptSchema = dialect === 'postgres' ? flag('pg-schema', '') || undefined : undefined;
  const db: BenchDb = await createBenchDb(dialect, keptSchema);
  try {
    const vocab = buildVocabulary(30_000, mulberry32(1));
    const built = keptSchema ? await builtBefore(db, n) : false;
    const headlines: string[] = [];
    if (built) {
      // The same generator and seed, so the same headlines and queries as the run that built it.
      for (const a of syntheticArticles(n, vocab, 42)) {
        headlines.push(a.headline);
        if (headlines.length === 2000) break;
      }
      console.log(`[${dialect}] ${n} articles: index kept in schema ${keptSchema}, built by an earlier run`);
    } else await buildIndex(db, dialect, n, vocab, headlines);
    await measureQueries(db, dialect, headlines, perSet, rows);
  } finally {
    await db.dispose();
  }
}

/** True when a kept schema already holds the n articles and their index (a finished earlier run). */
async function builtBefore(db: BenchDb, n: number): Promise<boolean> {
  const count = async (table: 'articles' | 'search_docs') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [articles, docs] = [await count('articles'), await count('search_docs')];
  if (articles === n && docs === n) return true;
  if (articles > 0)
    throw new Error(`kept schema holds ${articles} articles and ${docs} indexed, not ${n}: drop it first`);
  return false;
}

async function buildIndex(
  db: BenchDb,
  dialect: Dialect,
  n: number,
  vocab: ReturnType<typeof buildVocabulary>,
  headlines: string[],
): Promise<void> {
  const categories = (await db.db.selectFrom('categories').select('id').orderBy('position').execute()).map((c) => c.id);
  let t0 = performance.now();
  let batch: BenchArticle[] = [];
  let inserted = 0;
  for (const a of syntheticArticles(n, vocab, 42)) {
    if (headlines.length < 2000) headlines.push(a.headline);
    batch.push({
      headline: a.headline,
      body: a.body,
      publishedAt: NOW - Math.floor(a.ageDays * DAY),
      pressIndex: a.pressIndex,
      categoryIds: [categories[a.categoryIndex % categories.length]],
    });
    if (batch.length === 5000) {
      await insertArticles(db, batch, 20);
      inserted += batch.length;
      batch = [];
      if (inserted % 50_000 === 0) process.stderr.write(`[${dialect}] inserted ${inserted}/${n}\n`);
    }
  }
  if (batch.length) await insertArticles(db, batch, 20);
  const insertS = (performance.now() - t0) / 1000;
  const sizeBefore = await db.sizeBytes();

  t0 = performance.now();
  let lastReport = 0;
  await reindexAll(db, ({ done, total }) => {
    if (done - lastReport >= 50_000 || done === total) {
      lastReport = done;
      process.stderr.write(`[${dialect}] indexed ${done}/${total}\n`);
    }
  });
  const indexS = (performance.now() - t0) / 1000;
  if (dialect === 'postgres') await sql`vacuum analyze search_docs`.execute(db.db).catch(() => {});
  const sizeAfter = await db.sizeBytes();
  console.log(
    `[${dialect}] ${n} articles: inserted in ${insertS.toFixed(0)} s; index built in ${indexS.toFixed(0)} s ` +
      `(${Math.round(n / indexS)} articles/s); database ${(sizeBefore / 2 ** 20).toFixed(0)} MB → ${(sizeAfter / 2 ** 20).toFixed(0)} MB (index ≈ ${((sizeAfter - sizeBefore) / 2 ** 20).toFixed(0)} MB)`,
  );
}

async function measureQueries(
  db: BenchDb,
  dialect: Dialect,
  headlines: string[],
  perSet: number,
  rows: Row[],
): Promise<void> {
  const sets = buildQuerySets(headlines, perSet);
  const filters: Partial<SearchRequest> = { pressSlugs: ['press-3'], from: '2024-10-01' };
  for (const set of sets) {
    for (const filtered of [false, true]) {
      const s = await timeQueries(
        (q) => searchArticles(db, { q, now: NOW, pageSize: 10, ...(filtered ? filters : {}) }),
        set.queries,
      );
      rows.push({ system: `Sosik (${dialect})`, set: set.name, filtered, p50: s.p50, p95: s.p95 });
      logRow(rows[rows.length - 1]);
    }
  }
  if (dialect === 'sqlite') await trigramBaseline(db, sets, rows);
}

/** FTS5 trigram over the raw text in the same database: the naive approach, for comparison. */
async function trigramBaseline(db: BenchDb, sets: QuerySet[], rows: Row[]): Promise<void> {
  const before = await db.sizeBytes();
  const t0 = performance.now();
  await sql`create virtual table tri using fts5(head, body, content='', tokenize='trigram')`.execute(db.db);
  await sql`insert into tri (rowid, head, body) select id, headline, body_text from articles`.execute(db.db);
  const buildS = (performance.now() - t0) / 1000;
  const after = await db.sizeBytes();
  console.log(`[trigram] built in ${buildS.toFixed(0)} s; index ≈ ${((after - before) / 2 ** 20).toFixed(0)} MB`);
  const from = Date.parse('2024-10-01T00:00:00+09:00');
  const press = await db.db.selectFrom('presses').select('id').where('slug', '=', 'press-3').executeTakeFirstOrThrow();
  for (const set of sets) {
    for (const filtered of [false, true]) {
      const run = async (q: string) => {
        const expr = q
          .split(/\s+/)
          .map((w) => `"${w}"`)
          .join(' AND ');
        const { rows: hits } = filtered
          ? await sql`select a.id from tri join articles a on a.id = tri.rowid where tri match ${expr} and a.press_id = ${press.id}
              and a.first_created_at >= ${from} order by bm25(tri) limit 10`.execute(db.db)
          : await sql`select rowid from tri where tri match ${expr} order by bm25(tri) limit 10`.execute(db.db);
        return hits.length;
      };
      const s = await timeQueries(run, set.queries);
      let empty = 0;
      for (const q of set.queries) if ((await run(q)) === 0) empty++;
      rows.push({
        system: 'FTS5 trigram baseline',
        set: set.name,
        filtered,
        p50: s.p50,
        p95: s.p95,
        note: `${empty}/${set.queries.length} queries found nothing`,
      });
      logRow(rows[rows.length - 1]);
    }
  }
}

async function main(): Promise<void> {
  const n = Number(flag('n', '1000000'));
  const perSet = Number(flag('queries', '200'));
  const dialects = flag('dialects', 'sqlite,postgres')
    .split(',')
    .filter((d) => d !== 'none') as Dialect[];
  const rows: Row[] = [];
  for (const d of dialects) {
    if (d === 'postgres' && !(await postgresReachable())) {
      console.log('PostgreSQL not reachable: skipped.');
      continue;
    }
    await benchDialect(d, n, perSet, rows);
  }
  if (process.argv.includes('--peers')) {
    const vocab = buildVocabulary(30_000, mulberry32(1));
    const docs = [...syntheticArticles(n, vocab, 42)].map((a, id) => ({ id, headline: a.headline, body: a.body }));
    const sets = buildQuerySets(
      docs.slice(0, 2000).map((d) => d.headline),
      perSet,
    );
    for (const p of await benchPeers(docs, sets, process.argv.includes('--orama'))) {
      console.log(`[${p.system}] built in ${p.buildS.toFixed(0)} s (in memory)`);
      for (const s of p.sets)
        rows.push({
          system: p.system,
          set: s.set,
          filtered: false,
          p50: s.p50,
          p95: s.p95,
          note: `${s.empty}/${perSet} queries found nothing; no filters`,
        });
    }
  }
  console.log(
    `\n${n} synthetic articles, ${perSet} queries per set, top 10 incl. total count (filtered = one press of 20 + last 3 months)\n`,
  );
  console.log('| system | queries | filtered | p50 ms | p95 ms | note |');
  console.log('|---|---|---|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.system} | ${r.set} | ${r.filtered ? 'yes' : 'no'} | ${fmtMs(r.p50)} | ${fmtMs(r.p95)} | ${r.note ?? ''} |`,
    );
}

await main();
