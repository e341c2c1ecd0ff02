// Both backends must return the same top results, in the same order, on the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { FIXED_NOW } from './fixtures/corpus.ts';
import { loadFixtureCorpus } from './fixtures/load.ts';
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
});
