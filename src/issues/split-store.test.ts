// The split step through the issues.assign job, on real SQLite and PostgreSQL: two stories chained
// into one issue come apart at the next join; the part with the lead keeps the issue and its slug.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { assignArticle } from './assign.ts';
import { applyEditorAction } from './editor.ts';
import { discardEngine, engineFor, markCurrent } from './engine-cache.ts';
import { issueSlug } from './naming.ts';
import { bumpState, mergeIssueRows, readStateForUpdate, refreshIssue } from './store.ts';
import { FIXTURE_ARTICLES, storeFixtures, type FixtureArticle } from './test-fixtures.ts';

const config = loadConfig({}, { demo: false });
const T0 = Date.UTC(2026, 2, 1, 9);

const THIRD_LUNAR: FixtureArticle = {
  story: 'lunar',
  press: 'eastgate',
  headline: '누리별 3호, 달 궤도서 첫 사진 전송…남극 얼음 분포 관측 시작',
  body: '달 궤도에 진입한 탐사선 누리별 3호가 첫 사진을 보내왔다고 우주항공청이 밝혔다. 누리별 3호는 달 남극 주변의 얼음 분포 관측을 시작했다.',
};

describe.each(await testDialects())('the split step on %s', (dialect) => {
  let t: TestDb;
  let deps: { db: TestDb['db']; dialect: typeof dialect; config: typeof config };
  let ids: number[];
  let bridge: number;
  let lunar: number;

  const issueOf = async (articleId: number) =>
    (
      await t.db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where('article_id', '=', articleId)
        .executeTakeFirstOrThrow()
    ).issue_id;
  const issueRow = (id: number) => t.db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const storyIds = (story: string) => FIXTURE_ARTICLES.flatMap((a, i) => (a.story === story ? [ids[i]!] : []));

  /** Folds the lunar issue into the bridge issue exactly as the engine's own merge does (not an editor's). */
  async function chainStories(): Promise<void> {
    await t.db.transaction().execute(async (trx) => {
      const cached = await engineFor(t.db, trx, await readStateForUpdate(trx, dialect));
      cached.engine.merge(lunar, bridge);
      await mergeIssueRows(trx, lunar, bridge, T0);
      await refreshIssue(trx, cached.engine, bridge, { minPresses: config.issueMinPresses, now: T0, full: true });
      markCurrent(t.db, cached, (await bumpState(trx, 0)).seq);
    });
  }

  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = { db: t.db, dialect, config };
    ids = await storeFixtures(t.db, FIXTURE_ARTICLES, T0);
    for (const id of ids) await assignArticle(deps, id, T0);
    bridge = await issueOf(storyIds('bridge')[0]!);
    lunar = await issueOf(storyIds('lunar')[0]!);
    expect(bridge).not.toBe(lunar);
  });
  afterEach(async () => {
    discardEngine(t.db);
    await t.dispose();
  });

  it('gives the second story its own issue and leaves the first its id, lead and slug', async () => {
    await chainStories();
    const before = await issueRow(bridge);
    expect(before.article_count).toBe(5);
    const [third] = await storeFixtures(t.db, [THIRD_LUNAR], T0 + 10 * 3_600_000);
    const outcome = await assignArticle(deps, third!, T0);
    expect(outcome.action).toBe('assigned');
    const into = outcome.action === 'assigned' ? outcome.splitInto : undefined;
    expect(into).toBeDefined();
    for (const id of [...storyIds('lunar'), third!]) expect(await issueOf(id)).toBe(into);
    for (const id of storyIds('bridge')) expect(await issueOf(id)).toBe(bridge);

    const after = await issueRow(bridge);
    expect({ slug: after.slug, lead: after.lead_article_id, name: after.auto_name }).toEqual({
      slug: before.slug,
      lead: before.lead_article_id,
      name: before.auto_name,
    });
    expect([after.article_count, after.press_count, after.visible]).toEqual([3, 3, 1]);
    const born = await issueRow(into!);
    expect([born.article_count, born.press_count, born.visible, born.merged_into]).toEqual([3, 3, 1, null]);
    expect(born.auto_name).toContain('누리별');
    expect(born.slug).toBe(issueSlug(into!, born.auto_name));
  });

  it('survives a reload: another process splits the same way from the stored samples', async () => {
    await chainStories();
    discardEngine(t.db);
    const [third] = await storeFixtures(t.db, [THIRD_LUNAR], T0 + 10 * 3_600_000);
    const outcome = await assignArticle(deps, third!, T0);
    expect(outcome.action === 'assigned' && outcome.splitInto).toBe(await issueOf(storyIds('lunar')[0]!));
    expect(await issueOf(storyIds('bridge')[0]!)).toBe(bridge);
  });

  it('never splits an issue an editor merged (curated)', async () => {
    await applyEditorAction(deps, null, { action: 'merge', issueId: lunar, intoIssueId: bridge }, T0);
    const [third] = await storeFixtures(t.db, [THIRD_LUNAR], T0 + 10 * 3_600_000);
    const outcome = await assignArticle(deps, third!, T0);
    expect(outcome).toMatchObject({ action: 'assigned', issueId: bridge });
    expect(outcome.action === 'assigned' && outcome.splitInto).toBeFalsy();
    expect((await issueRow(bridge)).article_count).toBe(6);
  });
});
