import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { assignArticle, assignArticles } from './assign.ts';
import { discardEngine } from './engine-cache.ts';
import { articleTerms } from './features.ts';
import { SHIPPED_CLUSTERING } from './settings.ts';
import { FIXTURE_ARTICLES, storeFixtures } from './test-fixtures.ts';

const config = loadConfig({}, { demo: false });

async function issuesOf(t: TestDb, ids: number[]): Promise<number[]> {
  const rows = await t.db.selectFrom('issue_articles').select(['article_id', 'issue_id']).execute();
  const map = new Map(rows.map((r) => [r.article_id, r.issue_id]));
  return ids.map((id) => map.get(id) ?? -1);
}

/**
 * Issues by the positions of their articles (ids differ between databases). The lead (and so the
 * name) is left out: refreshed once per batch it is the member nearest the final centroid, while
 * one by one it sticks with an earlier lead unless a new one is clearly nearer (names settle).
 */
async function snapshot(t: TestDb, ids: number[]) {
  const issues = await issuesOf(t, ids);
  const rows = await t.db
    .selectFrom('issues')
    .select(['id', 'article_count', 'press_count', 'visible', 'lead_article_id'])
    .where('merged_into', 'is', null)
    .execute();
  return rows
    .filter((r) => r.article_count > 0)
    .map((r) => ({
      members: issues.flatMap((issue, i) => (issue === r.id ? [i] : [])),
      articles: r.article_count,
      presses: r.press_count,
      visible: r.visible,
      leadIsMember: issues[ids.indexOf(r.lead_article_id ?? -1)] === r.id,
    }))
    .sort((a, b) => a.members[0]! - b.members[0]!);
}

describe.each(await testDialects())('issues.assign on %s', (dialect) => {
  let t: TestDb;
  let deps: { db: TestDb['db']; dialect: typeof dialect; config: typeof config };
  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = { db: t.db, dialect, config };
  });
  afterEach(async () => {
    discardEngine(t.db);
    await t.dispose();
  });

  it('groups each story across presses, names it and shows it once two presses cover it', async () => {
    const ids = await storeFixtures(t.db);
    for (const id of ids) await assignArticle(deps, id);
    const issues = await issuesOf(t, ids);
    const byStory = new Map<string, Set<number>>();
    FIXTURE_ARTICLES.forEach((a, i) => byStory.set(a.story, (byStory.get(a.story) ?? new Set()).add(issues[i]!)));
    for (const set of byStory.values()) expect(set.size).toBe(1);
    expect(new Set(issues).size).toBe(3);

    const bridge = await t.db.selectFrom('issues').selectAll().where('id', '=', issues[0]!).executeTakeFirstOrThrow();
    expect(bridge.article_count).toBe(3);
    expect(bridge.press_count).toBe(3);
    expect(bridge.visible).toBe(1);
    expect(bridge.auto_name).toContain('은빛대교');
    expect(bridge.auto_name.startsWith('[')).toBe(false);
    expect(bridge.slug).toMatch(new RegExp(`^${bridge.id}-`));
    const terms = await t.db.selectFrom('issue_terms').select('term').where('issue_id', '=', bridge.id).execute();
    expect(terms.map((r) => r.term)).toContain('은빛대교');
  });

  it('is idempotent, and a withdrawn article leaves its issue', async () => {
    const ids = await storeFixtures(t.db);
    for (const id of ids) await assignArticle(deps, id);
    const again = await assignArticle(deps, ids[0]!);
    expect(again.action).toBe('unchanged');
    const state = await t.db.selectFrom('issue_state').selectAll().executeTakeFirstOrThrow();
    expect(Number(state.docs)).toBe(ids.length);

    await t.db.updateTable('articles').set({ status: 'withdrawn', revision: 2 }).where('id', '=', ids[2]!).execute();
    const out = await assignArticle(deps, ids[2]!);
    expect(out.action).toBe('removed');
    const m = await t.db.selectFrom('issue_articles').select('article_id').where('article_id', '=', ids[2]!).execute();
    expect(m).toHaveLength(0);
    const bridge = await t.db
      .selectFrom('issues')
      .selectAll()
      .where('id', '=', out.action === 'removed' ? out.issueId : 0)
      .executeTakeFirstOrThrow();
    expect(bridge.article_count).toBe(2);
  });

  it('re-assigns a revised article to the story it now tells', async () => {
    const ids = await storeFixtures(t.db);
    for (const id of ids) await assignArticle(deps, id);
    const [bridge, lunar] = await issuesOf(t, [ids[0]!, ids[1]!]);
    // The press replaced the copy entirely (a wrong story had been published under this URI).
    await t.db
      .updateTable('articles')
      .set({ headline: FIXTURE_ARTICLES[4]!.headline, body_text: FIXTURE_ARTICLES[4]!.body, revision: 2 })
      .where('id', '=', ids[0]!)
      .execute();
    const out = await assignArticle(deps, ids[0]!);
    expect(bridge).not.toBe(lunar);
    expect(out).toMatchObject({ action: 'assigned', issueId: lunar });
    // It moved, not copied: the old story no longer counts it, the new one does.
    const members = await t.db
      .selectFrom('issue_articles')
      .select(['article_id', 'issue_id'])
      .where('article_id', '=', ids[0]!)
      .execute();
    expect(members).toEqual([{ article_id: ids[0]!, issue_id: lunar }]);
    const counts = await t.db
      .selectFrom('issues')
      .select(['id', 'article_count'])
      .where('id', 'in', [bridge!, lunar!])
      .execute();
    expect(new Map(counts.map((c) => [c.id, c.article_count]))).toEqual(
      new Map([
        [bridge, 2],
        [lunar, 3],
      ]),
    );
  });

  it('rebuilds the same decisions after a process restart (engine reloaded from the tables)', async () => {
    const ids = await storeFixtures(t.db);
    for (const id of ids.slice(0, 4)) await assignArticle(deps, id);
    discardEngine(t.db); // what a new process sees: only the tables
    for (const id of ids.slice(4)) await assignArticle(deps, id);
    const issues = await issuesOf(t, ids);
    expect(issues[4]).toBe(issues[1]);
    expect(issues[5]).toBe(issues[3]);
    expect(issues[6]).toBe(issues[0]);
  });
  it('decides a batch exactly as one job after another (the runBatch of issues.assign)', async () => {
    const ids = await storeFixtures(t.db);
    for (const id of ids) await assignArticle(deps, id);
    const oneByOne = await snapshot(t, ids);

    const other = await createTestDb(dialect);
    try {
      const otherIds = await storeFixtures(other.db);
      const outcomes = await assignArticles({ db: other.db, dialect, config }, [...otherIds, otherIds[0]!]);
      expect(outcomes).toHaveLength(otherIds.length);
      expect(outcomes.every((o) => o.action === 'assigned')).toBe(true);
      expect(await snapshot(other, otherIds)).toEqual(oneByOne);
      const state = await other.db.selectFrom('issue_state').selectAll().executeTakeFirstOrThrow();
      expect(Number(state.docs)).toBe(ids.length);
      // Document frequencies were counted once per article, in one upsert, as one by one did.
      const df = (db: TestDb['db']) => db.selectFrom('issue_df').select(['term', 'df']).orderBy('term').execute();
      expect(await df(other.db)).toEqual(await df(t.db));
      // …and each is the number of articles whose terms hold it.
      const expected = new Map<string, number>();
      for (const a of FIXTURE_ARTICLES)
        for (const term of articleTerms(a.headline, a.body, SHIPPED_CLUSTERING.features).keys())
          expected.set(term, (expected.get(term) ?? 0) + 1);
      const stored = await df(other.db);
      expect(stored).toHaveLength(expected.size);
      expect(new Map(stored.map((r) => [r.term, Number(r.df)]))).toEqual(expected);
      // The whole batch again changes nothing.
      const again = await assignArticles({ db: other.db, dialect, config }, otherIds);
      expect(again.map((o) => o.action)).toEqual(otherIds.map(() => 'unchanged'));
    } finally {
      discardEngine(other.db);
      await other.dispose();
    }
  });
});
