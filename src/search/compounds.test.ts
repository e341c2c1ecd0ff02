// Korean writers space compound nouns inconsistently: a query written as one word must find the
// articles that write it as two, and the reverse, in "all words" mode, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { reindexAll } from './indexing.ts';
import { searchArticles } from './search-service.ts';

const NOW = Date.UTC(2025, 5, 30);
const ARTICLES = [
  { headline: '인공지능 반도체 투자 늘린다', body: '정부가 인공지능 반도체 개발에 예산을 더 투입한다.' },
  { headline: '인공지능반도체 설계 인력 부족', body: '업계는 인공지능반도체 설계 인력이 모자라다고 말했다.' },
  { headline: '지하철 3호선 운행 재개', body: '멈췄던 지하철 3호선이 다시 달린다.' },
  { headline: '지하철3호선 연장 확정', body: '지하철3호선 연장 구간이 확정됐다.' },
  // Another compound: 인공지능형 반도체 lacks the 능반 junction of 인공지능 반도체.
  { headline: '인공지능형 반도체 칩 공개', body: '인공지능형 반도체 칩이 나왔다.' },
  // The parts with a particle or a comma between them are two nouns, not one compound.
  { headline: '인공지능의 반도체 수요', body: '인공지능, 반도체 업계가 모두 바쁘다.' },
  { headline: '대학 교수 채용 늘어', body: '지방 대학 교수 채용이 늘었다.' },
];

describe.each(await testDialects())('compound queries on %s', (dialect) => {
  let t: TestDb;
  let ids: number[];
  const headlines = async (q: string) => {
    const res = await searchArticles(t, { q, now: NOW });
    expect(res.mode).toBe('all');
    expect(res.loosened).toBe(false);
    return res.results.map((r) => ARTICLES[ids.indexOf(r.id)].headline).sort();
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const press = await t.db
      .insertInto('presses')
      .values({ slug: 'p', name: '한빛일보', created_at: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids = [];
    for (const [i, a] of ARTICLES.entries()) {
      const row = await t.db
        .insertInto('articles')
        .values({
          press_id: press.id,
          uri: `c-${i}`,
          headline: a.headline,
          subheadline: null,
          series: null,
          body_html: `<p>${a.body}</p>`,
          body_text: a.body,
          summary: a.body,
          lang: 'ko',
          bylines: '[]',
          keywords: '[]',
          copyright: null,
          link: null,
          status: 'usable',
          source: 'demo',
          revision: 1,
          first_created_at: NOW - i * 1000,
          updated_at: NOW,
          received_at: NOW,
          withdrawn_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await reindexAll(t);
  });
  afterAll(() => t.dispose());

  it('a query written as one word finds the articles that write it as two (인공지능반도체)', async () => {
    expect(await headlines('인공지능반도체')).toEqual(['인공지능 반도체 투자 늘린다', '인공지능반도체 설계 인력 부족']);
  });

  it('a query written as two words finds the articles that write it as one (인공지능 반도체)', async () => {
    const found = await headlines('인공지능 반도체');
    expect(found).toContain('인공지능 반도체 투자 늘린다');
    expect(found).toContain('인공지능반도체 설계 인력 부족');
  });

  it('numbers split from their noun either way (지하철3호선 ↔ 지하철 3호선)', async () => {
    const both = ['지하철 3호선 운행 재개', '지하철3호선 연장 확정'];
    expect(await headlines('지하철3호선')).toEqual(both);
    expect(await headlines('지하철 3호선')).toEqual(both);
  });

  it('with a particle: 인공지능반도체를 is the compound too', async () => {
    expect(await headlines('인공지능반도체를')).toEqual([
      '인공지능 반도체 투자 늘린다',
      '인공지능반도체 설계 인력 부족',
    ]);
  });

  it('the pair across a space is never taken for a word: 대학 교수 does not answer 학교', async () => {
    const res = await searchArticles(t, { q: '학교', now: NOW });
    expect(res.total).toBe(0);
    expect(
      (await searchArticles(t, { q: '대학교수', now: NOW })).results.map((r) => ARTICLES[ids.indexOf(r.id)].headline),
    ).toEqual(['대학 교수 채용 늘어']);
  });

  it('ranks the article that writes the compound as the query does first', async () => {
    const res = await searchArticles(t, { q: '인공지능반도체 설계', now: NOW });
    expect(ARTICLES[ids.indexOf(res.results[0].id)].headline).toBe('인공지능반도체 설계 인력 부족');
  });
});
