import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { assignArticle } from './assign.ts';
import { applyEditorAction } from './editor.ts';
import { discardEngine } from './engine-cache.ts';
import { FIXTURE_ARTICLES, storeFixtures, type FixtureArticle } from './test-fixtures.ts';

const config = loadConfig({}, { demo: false });

const LATER_BRIDGE: FixtureArticle = {
  story: 'bridge',
  press: 'northwind',
  headline: '은빛대교 균열 원인은 배수관 부식…가람시 보수 공사 발주',
  body: '가람시 은빛대교 상판 균열의 원인이 배수관 부식으로 확인됐다. 가람시는 은빛대교 보수 공사를 발주하고 차량 통행 재개 시점을 다음 달 발표한다.',
};
const LATER_LUNAR: FixtureArticle = {
  story: 'lunar',
  press: 'eastgate',
  headline: '누리별 3호가 보낸 첫 달 남극 사진 공개',
  body: '우주항공청이 누리별 3호가 촬영한 달 남극 사진을 공개했다. 누리별 3호는 달 궤도에서 얼음 분포 관측을 이어간다.',
};

describe.each(await testDialects())('editor decisions on %s', (dialect) => {
  let t: TestDb;
  let deps: { db: TestDb['db']; dialect: typeof dialect; config: typeof config };
  let ids: number[];
  const issueOf = async (articleId: number) =>
    (
      await t.db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where('article_id', '=', articleId)
        .executeTakeFirstOrThrow()
    ).issue_id;
  const issue = (id: number) => t.db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = { db: t.db, dialect, config };
    ids = await storeFixtures(t.db);
    for (const id of ids) await assignArticle(deps, id);
  });
  afterEach(async () => {
    discardEngine(t.db);
    await t.dispose();
  });

  it('keeps an editor name, pinned lead and hiding while the story keeps growing', async () => {
    const bridge = await issueOf(ids[0]!);
    await applyEditorAction(deps, null, { action: 'rename', issueId: bridge, name: '은빛대교 균열 사태' });
    await applyEditorAction(deps, null, { action: 'pin-lead', issueId: bridge, articleId: ids[2]! });
    await applyEditorAction(deps, null, { action: 'hide', issueId: bridge, hidden: true });
    discardEngine(t.db); // the worker is another process: it only sees the tables
    const [later] = await storeFixtures(t.db, [LATER_BRIDGE], Date.UTC(2025, 2, 4));
    await assignArticle(deps, later!);
    expect(await issueOf(later!)).toBe(bridge);
    const row = await issue(bridge);
    expect(row.editor_name).toBe('은빛대교 균열 사태');
    expect(row.pinned_article_id).toBe(ids[2]);
    expect(row.hidden).toBe(1);
    expect(row.visible).toBe(0);
    expect(row.article_count).toBe(4);
    const log = await t.db
      .selectFrom('issue_decisions')
      .select('action')
      .where('issue_id', '=', bridge)
      .orderBy('id')
      .execute();
    expect(log.map((d) => d.action)).toEqual(['rename', 'pin-lead', 'hide']);
  });

  it('never puts a moved-out article back, even when it is revised', async () => {
    const bridge = await issueOf(ids[0]!);
    const own = await applyEditorAction(deps, null, { action: 'move-out', issueId: bridge, articleId: ids[6]! });
    expect(own).not.toBe(bridge);
    expect(await issueOf(ids[6]!)).toBe(own);
    expect((await issue(bridge)).article_count).toBe(2);
    await t.db
      .updateTable('articles')
      .set({ revision: 2, body_text: FIXTURE_ARTICLES[6]!.body + ' 추가 취재.' })
      .where('id', '=', ids[6]!)
      .execute();
    discardEngine(t.db);
    await assignArticle(deps, ids[6]!);
    expect(await issueOf(ids[6]!)).toBe(own);
    const excluded = await t.db.selectFrom('issue_exclusions').selectAll().execute();
    expect(excluded).toEqual([{ article_id: ids[6], issue_id: bridge }]);
  });

  it('merges two issues for good: members, redirect, and later articles of either story', async () => {
    const bridge = await issueOf(ids[0]!);
    const lunar = await issueOf(ids[1]!);
    const survivor = await applyEditorAction(deps, null, { action: 'merge', issueId: lunar, intoIssueId: bridge });
    expect(survivor).toBe(bridge);
    expect((await issue(lunar)).merged_into).toBe(bridge);
    expect((await issue(bridge)).article_count).toBe(5);
    discardEngine(t.db);
    const [later] = await storeFixtures(t.db, [LATER_LUNAR], Date.UTC(2025, 2, 4));
    await assignArticle(deps, later!);
    expect(await issueOf(later!)).toBe(bridge);
  });

  it('locks an article into another issue and keeps it there', async () => {
    const bridge = await issueOf(ids[0]!);
    const lunar = await issueOf(ids[1]!);
    await applyEditorAction(deps, null, { action: 'lock', issueId: lunar, articleId: ids[0]! });
    expect(await issueOf(ids[0]!)).toBe(lunar);
    await t.db.updateTable('articles').set({ revision: 2 }).where('id', '=', ids[0]!).execute();
    await assignArticle(deps, ids[0]!);
    expect(await issueOf(ids[0]!)).toBe(lunar);
    expect((await issue(bridge)).article_count).toBe(2);
  });

  it('refuses nonsense with stable codes', async () => {
    const bridge = await issueOf(ids[0]!);
    const lunar = await issueOf(ids[1]!);
    await expect(
      applyEditorAction(deps, null, { action: 'rename', issueId: bridge, name: '  ' }),
    ).rejects.toMatchObject({
      code: 'ISSUE_NAME_INVALID',
    });
    await expect(
      applyEditorAction(deps, null, { action: 'pin-lead', issueId: bridge, articleId: ids[1]! }),
    ).rejects.toMatchObject({
      code: 'ISSUE_ARTICLE_NOT_MEMBER',
    });
    await expect(
      applyEditorAction(deps, null, { action: 'merge', issueId: lunar, intoIssueId: lunar }),
    ).rejects.toMatchObject({
      code: 'ISSUE_MERGE_SELF',
    });
    await expect(applyEditorAction(deps, null, { action: 'hide', issueId: 99999, hidden: true })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
