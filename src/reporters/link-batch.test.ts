// The reporters.link job's runBatch (linkManyArticleReporters) must file articles exactly as the
// jobs run one by one would: the same reporters added (one per identity within a press), the same
// rows in byline order, a merged reporter followed to its survivor. Two databases given the same
// articles, one linked article by article and one in single calls, compared by identity (the ids
// the databases give may differ). SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addArticle, addPress } from '../../test/helpers/news.ts';
import type { ArticleInput } from '../articles/index.ts';
import { linkArticleReporters, linkManyArticleReporters } from './link.ts';

const T0 = Date.parse('2026-11-30T09:00:00Z');

describe.each(await testDialects())('reporters.link for a batch (%s)', (dialect) => {
  let one: TestApp;
  let many: TestApp;

  beforeEach(async () => {
    one = await createTestApp(dialect, { demo: false, workers: false });
    many = await createTestApp(dialect, { demo: false, workers: false });
  });
  afterEach(async () => {
    await one.close();
    await many.close();
  });

  /** The same articles in both databases, in the same order; their ids in each. */
  async function addBoth(articles: Array<{ press: string; bylines: ArticleInput['bylines'] }>, at: number) {
    const ids: Array<[number, number]> = [];
    for (const [i, a] of articles.entries()) {
      const inEach = [] as number[];
      for (const t of [one, many]) {
        const press = await t.deps.db.selectFrom('presses').select('id').where('slug', '=', a.press).executeTakeFirst();
        const pressId = press?.id ?? (await addPress(t.deps, a.press));
        inEach.push(await addArticle(t.deps, pressId, { uri: `urn:batch:${at}:${i}`, bylines: a.bylines }, at + i));
      }
      ids.push([inEach[0]!, inEach[1]!]);
    }
    return ids;
  }

  /** Each article's filing as press, identity and name of its reporters, in byline order. */
  async function filings(t: TestApp, ids: number[]) {
    const rows = await t.deps.db
      .selectFrom('article_reporters')
      .innerJoin('reporters', 'reporters.id', 'article_reporters.reporter_id')
      .innerJoin('presses', 'presses.id', 'reporters.press_id')
      .select(['article_reporters.article_id', 'article_reporters.position', 'presses.slug', 'reporters.identity'])
      .where('article_reporters.article_id', 'in', ids)
      .orderBy('article_reporters.article_id')
      .orderBy('article_reporters.position')
      .execute();
    const reporters = await t.deps.db
      .selectFrom('reporters')
      .innerJoin('presses', 'presses.id', 'reporters.press_id')
      .select(['presses.slug', 'reporters.identity', 'reporters.name'])
      .orderBy('presses.slug')
      .orderBy('reporters.identity')
      .execute();
    return {
      articles: ids.map((id) => rows.filter((r) => r.article_id === id).map((r) => `${r.slug}/${r.identity}`)),
      reporters,
    };
  }

  it('files a batch as one article after another would', async () => {
    const kim = { name: '김민수', email: 'minsu@hanbit.example' };
    const first = await addBoth(
      [
        { press: 'hanbit', bylines: [kim, { name: '이서연' }] },
        { press: 'hanbit', bylines: [{ name: '이서연' }, { name: 'Kim Minsu', ref: 'staff-7' }] },
        { press: 'saebyeok', bylines: [kim] },
        { press: 'hanbit', bylines: [] },
        { press: 'hanbit', bylines: [{ name: '김민수', ref: 'staff-7' }, kim] },
      ],
      T0,
    );
    const byOne = new Map<number, number[]>();
    for (const [id] of first) byOne.set(id, await linkArticleReporters(one.deps.db, id, T0));
    // Ids repeated and one that is no article: each article once, the missing one left out.
    const byMany = await linkManyArticleReporters(
      many.deps.db,
      [...first.map(([, id]) => id), first[0]![1], 999_999],
      T0,
    );
    expect(byMany.size).toBe(first.length);
    expect(first.map(([, id]) => byMany.get(id)!.length)).toEqual(first.map(([id]) => byOne.get(id)!.length));
    const expected = await filings(
      one,
      first.map(([id]) => id),
    );
    expect(
      await filings(
        many,
        first.map(([, id]) => id),
      ),
    ).toEqual(expected);
    expect(expected.articles[1]).toEqual(['hanbit/name:이서연|', 'hanbit/id:staff-7']);

    // Staff merge 이서연 into Kim (staff-7) in both; later articles naming her are filed under Kim.
    for (const t of [one, many]) {
      const ids = await t.deps.db.selectFrom('reporters').select(['id', 'identity']).execute();
      const survivor = ids.find((r) => r.identity === 'id:staff-7')!.id;
      await t.deps.db
        .updateTable('reporters')
        .set({ merged_into: survivor })
        .where('identity', '=', 'name:이서연|')
        .execute();
    }
    const later = await addBoth(
      [
        { press: 'hanbit', bylines: [{ name: '이서연' }, { name: '박새로' }] },
        { press: 'hanbit', bylines: [{ name: '박새로' }] },
      ],
      T0 + 60_000,
    );
    for (const [id] of later) await linkArticleReporters(one.deps.db, id, T0);
    await linkManyArticleReporters(
      many.deps.db,
      later.map(([, id]) => id),
      T0,
    );
    const afterMerge = await filings(
      one,
      later.map(([id]) => id),
    );
    expect(
      await filings(
        many,
        later.map(([, id]) => id),
      ),
    ).toEqual(afterMerge);
    expect(afterMerge.articles[0]).toEqual(['hanbit/id:staff-7', 'hanbit/name:박새로|']);
  });
});
