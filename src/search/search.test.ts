import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { addIssueMember, addIssueRow } from '../../test/helpers/news.ts';
import { FIXED_NOW, FIXTURE_ARTICLES } from './fixtures/corpus.ts';
import { loadFixtureCorpus } from './fixtures/load.ts';
import type { SearchRequest } from './model.ts';
import { searchArticles } from './search-service.ts';

const headlineOf = (id: number, ids: number[]) => FIXTURE_ARTICLES[ids.indexOf(id)]?.headline;

describe.each(await testDialects())('search on %s', (dialect) => {
  let t: TestDb;
  let ids: number[];
  const search = (q: string, extra: Partial<SearchRequest> = {}) => searchArticles(t, { q, now: FIXED_NOW, ...extra });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    ids = await loadFixtureCorpus(t);
  });
  afterAll(() => t.dispose());

  it('finds a noun whatever particle it carries in the text (시대가, 시대를)', async () => {
    const res = await search('시대');
    expect(res.mode).toBe('all');
    expect(res.results.map((r) => headlineOf(r.id, ids)).sort()).toEqual([
      '새로운 시대가 열렸다',
      '시대를 앞서간 화가의 회고전',
    ]);
  });

  it('matches a word inside an unspaced compound and ranks the headline match first', async () => {
    const res = await search('반도체');
    const headlines = res.results.map((r) => headlineOf(r.id, ids));
    expect(headlines).toContain('한국반도체산업협회, 새 회장 선출');
    expect(headlines[0]).toBe('반도체 수출이 석 달 연속 늘었다');
  });

  it('finds one-syllable words (책)', async () => {
    const res = await search('책');
    expect(res.results.map((r) => headlineOf(r.id, ids))).toEqual(['올해의 책 10권']);
  });

  it('requires every word of a short query, across scripts (AI 동맹)', async () => {
    const res = await search('AI 동맹');
    expect(res.results.map((r) => headlineOf(r.id, ids))).toEqual(['한미 AI 동맹 출범…공동 연구소 세운다']);
  });

  it('loosens to any word when no article has all of them', async () => {
    const res = await search('희토류 라이온즈');
    expect(res.loosened).toBe(true);
    expect(res.mode).toBe('any');
    expect(res.total).toBe(2);
  });

  it('answers a choseong query from headlines (ㅇㄱㅈㄴ → 인공지능)', async () => {
    const res = await search('ㅇㄱㅈㄴ');
    expect(res.mode).toBe('choseong');
    expect(res.results.map((r) => headlineOf(r.id, ids))).toEqual(['인공지능이 바꾸는 뉴스룸']);
  });

  it('stems English and highlights with escaped HTML', async () => {
    const res = await search('lion');
    expect(res.results).toHaveLength(1);
    expect(res.results[0].headlineHtml).toBe('Samsung <mark>Lions</mark> win the pennant race');
  });

  it('filters by press, category and date, and counts facets', async () => {
    const all = await search('반도체', { facets: true });
    expect(all.facets?.press.map((f) => [f.slug, f.count])).toEqual([
      ['hanbit', 2],
      ['saebyeok', 2],
    ]);
    expect(all.facets?.category.find((f) => f.slug === 'economy')?.count).toBe(2);
    const press = await search('반도체', { pressSlugs: ['saebyeok'] });
    expect(press.results.every((r) => r.press.slug === 'saebyeok')).toBe(true);
    expect(press.total).toBe(2);
    const cat = await search('반도체', { categorySlugs: ['world'] });
    expect(cat.results.map((r) => headlineOf(r.id, ids)).sort()).toEqual([
      '중국, 희토류 수출 통제 강화',
      '한미 AI 동맹 출범…공동 연구소 세운다',
    ]);
    const recent = await search('반도체', { from: '2025-06-27' });
    expect(recent.results.map((r) => headlineOf(r.id, ids)).sort()).toEqual([
      '반도체 수출이 석 달 연속 늘었다',
      '한미 AI 동맹 출범…공동 연구소 세운다',
    ]);
    const unknown = await search('반도체', { pressSlugs: ['no-such-press'] });
    expect(unknown.total).toBe(0);
  });

  it('sorts by newest on request and pages', async () => {
    const res = await search('반도체', { sort: 'newest', pageSize: 2 });
    expect(res.results.map((r) => r.publishedAt)).toEqual(
      [...res.results.map((r) => r.publishedAt)].sort((a, b) => b - a),
    );
    expect(res.results).toHaveLength(2);
    const page2 = await search('반도체', { sort: 'newest', pageSize: 2, page: 2 });
    expect(page2.results).toHaveLength(2);
    expect(page2.results[0].publishedAt).toBeLessThanOrEqual(res.results[1].publishedAt);
  });

  it('suggests single words when nothing matches', async () => {
    const res = await search('반도체 없는단어');
    // OR-loosening already finds 반도체 articles, so no empty page.
    expect(res.total).toBeGreaterThan(0);
    const none = await search('존재하지않는말 전혀없는말', { pressSlugs: ['hanbit'], from: '2030-01-01' });
    expect(none.total).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['only punctuation', '?!…,.;:'],
    ['FTS syntax', '"반도체" OR NEAR(a b) AND -x* ^col:{x}'],
    ['unbalanced quotes', '"반도체 \'수출'],
    ['10 KB', '반도체 '.repeat(2000)],
    ['control characters', '\u0000\u0007반도체\u200b'],
    ['SQL', "'; drop table articles; --"],
    ['a lone jamo', 'ㅋ'],
  ])('answers a hostile query (%s) without throwing', async (_name, q) => {
    const res = await search(q);
    expect(res.results.length).toBeLessThanOrEqual(10);
    expect(['all', 'any', 'none', 'choseong']).toContain(res.mode);
  });

  it('treats FTS operators typed by a reader as words, not syntax', async () => {
    const res = await search('"반도체" OR');
    // "or" is a word to us; no article has both, so the query loosens instead of failing.
    expect(res.results.length).toBeGreaterThan(0);
  });

  it('filters by issue and suggests related issues when nothing matches', async () => {
    const now = FIXED_NOW;
    const issueId = await addIssueRow(
      t.db,
      { slug: '1-반도체-수출', name: '반도체 수출 호조', leadArticleId: ids[0]!, members: 2 },
      now,
    );
    for (const i of [0, 9]) {
      await addIssueMember(t.db, { issueId, articleId: ids[i]!, pressId: 1, publishedAt: now }, now);
    }
    const inIssue = await search('수출', { issueId });
    expect(inIssue.results.map((r) => r.id).sort()).toEqual([ids[0], ids[9]].sort());
    const none = await search('반도체 수출', { from: '2031-01-01' });
    expect(none.total).toBe(0);
    expect(none.suggestions.issues).toEqual([
      { id: issueId, title: '반도체 수출 호조', url: `/issues/${encodeURIComponent('1-반도체-수출')}` },
    ]);
  });
});
