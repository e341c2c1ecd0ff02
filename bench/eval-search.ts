// Search quality on KorQuAD 1.0 dev: index the 964 paragraphs, ask the 5,774 questions, and report
// MRR@10 and Recall@1/5/10 for Sosik's search (the same searchArticles the page calls, on SQLite
// and PostgreSQL) next to baselines and peers measured in the same run.
//   npm run eval:search [-- --limit 1000] [--skip-peers] [--skip-compounds]
// Compound rows (bench/eval-search-compounds.ts): questions' words joined or split, as short queries.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import type { Dialect } from '../src/db/database.ts';
import { reindexAll } from '../src/search/indexing.ts';
import { searchArticles } from '../src/search/search-service.ts';
import { compoundQueries, type CompoundQuery } from './eval-search-compounds.ts';
import { peerSystems } from './eval-search-peers.ts';
import type { Corpus, Paragraph, Question, SystemResult } from './eval-search-types.ts';
import {
  createBenchDb,
  fmtMs,
  insertArticles,
  latencySummary,
  postgresReachable,
  SHARED_DIR,
} from './search-support.ts';

const KORQUAD = path.join(SHARED_DIR, 'data/korquad/KorQuAD_v1.0_dev.json');

function loadCorpus(limit?: number): Corpus {
  const raw = JSON.parse(fs.readFileSync(KORQUAD, 'utf8')) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ question: string }> }> }>;
  };
  const paragraphs: Paragraph[] = [];
  const questions: Question[] = [];
  for (const article of raw.data) {
    for (const p of article.paragraphs) {
      const id = paragraphs.push({ title: article.title, context: p.context }) - 1;
      for (const qa of p.qas) questions.push({ question: qa.question, paragraph: id });
    }
  }
  return { paragraphs, questions: limit ? questions.slice(0, limit) : questions };
}

/** The questions, then (unless `compounds` is empty) the compound queries and their as-written forms. */
async function evalSosik(dialect: Dialect, corpus: Corpus, compounds: CompoundQuery[]): Promise<SystemResult[]> {
  const handle = await createBenchDb(dialect);
  try {
    const now = Date.UTC(2024, 0, 1);
    const ids = await insertArticles(
      handle,
      corpus.paragraphs.map((p) => ({ headline: p.title, body: p.context, publishedAt: now })),
    );
    await reindexAll(handle);
    const idToParagraph = new Map(ids.map((id, i) => [id, i]));
    const run = async (name: string, queries: Array<{ q: string; paragraph: number }>): Promise<SystemResult> => {
      const result: SystemResult = { name, ranks: [], latenciesMs: [] };
      for (const q of queries) {
        const t0 = performance.now();
        const res = await searchArticles(handle, { q: q.q, pageSize: 10, now });
        result.latenciesMs.push(performance.now() - t0);
        result.ranks.push(res.results.findIndex((r) => idToParagraph.get(r.id) === q.paragraph));
      }
      return result;
    };
    const results = [
      await run(
        `Sosik search (${dialect})`,
        corpus.questions.map((q) => ({ q: q.question, paragraph: q.paragraph })),
      ),
    ];
    for (const kind of ['joined', 'split'] as const) {
      const set = compounds.filter((c) => c.kind === kind);
      if (!set.length) continue;
      const label =
        kind === 'joined' ? 'two words joined (조선 왕조 → 조선왕조)' : 'one word split (대한민국 → 대한 민국)';
      results.push(await run(`↳ ${dialect}, compound: ${label}, ${set.length} queries`, set));
      results.push(
        await run(
          `↳ ${dialect}, same words as the question spaced them`,
          set.map((c) => ({ q: c.asWritten, paragraph: c.paragraph })),
        ),
      );
    }
    return results;
  } finally {
    await handle.dispose();
  }
}

/** The baseline: FTS5 trigram tokenizer, bm25(), the question's words OR-ed. */
function evalTrigram(corpus: Corpus): SystemResult {
  const db = new SQLite(':memory:');
  db.exec(`create virtual table t using fts5(title, body, tokenize='trigram')`);
  const insert = db.prepare('insert into t (rowid, title, body) values (?, ?, ?)');
  db.transaction(() => corpus.paragraphs.forEach((p, i) => insert.run(i + 1, p.title, p.context)))();
  const search = db.prepare('select rowid as id from t where t match ? order by bm25(t) limit 10');
  const result: SystemResult = { name: 'SQLite FTS5 trigram + bm25 (words OR-ed)', ranks: [], latenciesMs: [] };
  for (const q of corpus.questions) {
    const words = q.question
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter(Boolean);
    const expr = words.map((w) => `"${w}"`).join(' OR ');
    const t0 = performance.now();
    const rows = expr ? (search.all(expr) as Array<{ id: number }>) : [];
    result.latenciesMs.push(performance.now() - t0);
    result.ranks.push(rows.findIndex((r) => r.id - 1 === q.paragraph));
  }
  db.close();
  return result;
}

export function metrics(r: SystemResult) {
  const n = r.ranks.length || 1;
  const within = (k: number) => r.ranks.filter((x) => x >= 0 && x < k).length / n;
  const mrr = r.ranks.reduce((s, x) => s + (x >= 0 && x < 10 ? 1 / (x + 1) : 0), 0) / n;
  return { mrr, r1: within(1), r5: within(5), r10: within(10), ...latencySummary(r.latenciesMs) };
}

function printTable(results: SystemResult[], questionCount: number, paragraphCount: number): void {
  console.log(`\nKorQuAD 1.0 dev: ${paragraphCount} paragraphs, ${questionCount} questions (top 10 per question)\n`);
  console.log('| system | MRR@10 | R@1 | R@5 | R@10 | query p50 ms | query p95 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const m = metrics(r);
    console.log(
      `| ${r.name} | ${m.mrr.toFixed(4)} | ${m.r1.toFixed(3)} | ${m.r5.toFixed(3)} | ${m.r10.toFixed(3)} | ${fmtMs(m.p50)} | ${fmtMs(m.p95)} |`,
    );
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(KORQUAD)) {
    console.log(`eval:search skipped: ${KORQUAD} not found (the shared evaluation data is not on this machine).`);
    return;
  }
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const corpus = loadCorpus(limitAt >= 0 ? Number(args[limitAt + 1]) : undefined);
  const compounds = args.includes('--skip-compounds') ? [] : compoundQueries(corpus.questions);
  const results: SystemResult[] = [];
  results.push(...(await evalSosik('sqlite', corpus, compounds)));
  if (await postgresReachable()) results.push(...(await evalSosik('postgres', corpus, compounds)));
  else console.log('PostgreSQL not reachable: its row is skipped.');
  results.push(evalTrigram(corpus));
  if (!args.includes('--skip-peers')) for (const peer of peerSystems()) results.push(await peer.run(corpus));
  printTable(results, corpus.questions.length, corpus.paragraphs.length);
}

await main();
