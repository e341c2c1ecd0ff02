// Both backends must return the same top results, in the same order, on the same data.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { FIXED_NOW } from './fixtures/corpus.ts';
import { loadFixtureCorpus } from './fixtures/load.ts';
import { analyzeQuery } from '../text/index.ts';
import { PostgresSearchIndex } from './postgres-index.ts';
import type { IndexQuery } from './search-index.ts';
import { searchArticles } from './search-service.ts';

const QUERIES = [
  '반도체',
  '시대',
  '반도체 수출',
  '인공지능 뉴스',
  '공급망 재편에 대응하는 반도체 협회의 새 회장은 누구인가',
  '여의도 집회 교통 통제는 언제',
  'AI 반도체 협력',
  '반도체수출',
  'lions title',
  '수출 통제 희토류 중국 정부 허가',
  'ㅂㄷㅊ',
];

const dialects = await testDialects();
describe.skipIf(!dialects.includes('postgres'))('SQLite and PostgreSQL parity', () => {
  let sqlite: TestDb;
  let postgres: TestDb;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([createTestDb('sqlite'), createTestDb('postgres')]);
    await loadFixtureCorpus(sqlite);
    await loadFixtureCorpus(postgres);
  });
  afterAll(async () => {
    await sqlite?.dispose();
    await postgres?.dispose();
  });

  it.each(QUERIES)('same ranking for %s', async (q) => {
    const [a, b] = await Promise.all([
      searchArticles(sqlite, { q, now: FIXED_NOW }),
      searchArticles(postgres, { q, now: FIXED_NOW }),
    ]);
    expect(a.results.length).toBeGreaterThan(0);
    expect(b.results.map((r) => r.id)).toEqual(a.results.map((r) => r.id));
    expect(b.total).toBe(a.total);
    for (const [i, r] of a.results.entries()) expect(b.results[i].score).toBeCloseTo(r.score, 2);
  });

  // A few ids per candidate range, so that every query needs many of them, and a candidate limit
  // that the small corpus reaches: the hits must be those of one whole read (the newest matches
  // only), press filter and "any" mode included.
  it('candidates read in id ranges score as one read', async () => {
    const presses = await postgres.db.selectFrom('presses').select('id').orderBy('id').limit(2).execute();
    let cut = 0;
    for (const q of QUERIES.filter((q) => !/^[ㄱ-ㅎ]+$/.test(q))) {
      const words = analyzeQuery(q).words.map((w) => w.terms);
      for (const iq of [
        { words, mode: 'all', filters: {}, sort: 'relevance', limit: 30 },
        { words, mode: 'any', filters: {}, sort: 'relevance', limit: 30 },
        { words, mode: 'any', filters: { pressIds: presses.map((p) => p.id) }, sort: 'relevance', limit: 5 },
      ] satisfies IndexQuery[]) {
        const all = await new PostgresSearchIndex(postgres.db, { firstSpan: 1e9 }).match(iq);
        for (const candidates of [undefined, 2]) {
          const whole = await new PostgresSearchIndex(postgres.db, { firstSpan: 1e9, candidates }).match(iq);
          const ranged = await new PostgresSearchIndex(postgres.db, { firstSpan: 3, candidates }).match(iq);
          expect(ranged, `${q} ${iq.mode} ${candidates}`).toEqual(whole);
        }
        if (all.length > 2) cut++;
      }
    }
    // The limit of 2 candidates left matches out in most of the queries above.
    expect(cut).toBeGreaterThan(10);
  });

  it('counts a one-term query from its document frequency, as the rows that match', async () => {
    const index = new PostgresSearchIndex(postgres.db);
    let checked = 0;
    for (const q of ['시대', '수출', '집회', '정부', '협력', '뉴스']) {
      const words = analyzeQuery(q).words.map((w) => w.terms);
      expect(words.flat()).toHaveLength(1);
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from search_docs where tsv @@ ${`'${words[0]![0]}'`}::tsquery`.execute(postgres.db);
      for (const cap of [10_000, 1]) {
        const iq: IndexQuery = { words, mode: 'all', filters: {}, sort: 'relevance', limit: 10 };
        expect(await index.count(iq, cap), q).toBe(Math.min(cap, Number(rows[0]!.n)));
      }
      if (Number(rows[0]!.n) > 1) checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });
});
