// Who announces what, and when: ingest after its commit (never for a rolled-back one), clustering
// when an article joins an issue, editors when they curate one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticle } from '../src/articles/index.ts';
import { assignArticle } from '../src/issues/assign.ts';
import { applyEditorAction } from '../src/issues/editor.ts';
import { discardEngine } from '../src/issues/engine-cache.ts';
import { storeFixtures } from '../src/issues/test-fixtures.ts';
import { createPress } from '../src/press/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { testDialects } from './helpers/databases.ts';

const input = (uri: string) => ({
  uri,
  headline: '알림 기사',
  bodyHtml: '<p>본문</p>',
  lang: 'ko',
  bylines: [],
  subjects: [],
  keywords: [],
  photos: [],
  pubstatus: 'usable' as const,
});

describe.each(await testDialects())('change announcements on %s', (dialect) => {
  let t: TestApp;
  let heard: string[][];
  beforeEach(async () => {
    t = await createTestApp(dialect, { pageCacheSeconds: 60 });
    heard = [];
    t.deps.changes!.subscribe((tags) => heard.push([...tags]));
  });
  afterEach(async () => {
    discardEngine(t.deps.db);
    await t.close();
  });

  it('ingest announces the article, its press and the front after commit; a rolled-back ingest announces nothing', async () => {
    const { press } = await createPress(t.deps, { slug: 'notice-daily', name: '알림일보' });
    const { id } = await ingestArticle(t.deps, {
      pressId: press.id,
      source: 'api',
      input: input('urn:notice:1'),
      original: {},
    });
    expect(heard).toContainEqual([`article:${id}`, `press:${press.id}`, 'front']);
    // The site frame reloads its headlines on `front`, then drops pages rendered meanwhile.
    await t.app.site.frame.refresh();
    await new Promise((r) => setImmediate(r));
    expect(heard.at(-1)).toEqual(['front']);
    heard.length = 0;
    // No such press: the insert fails inside the transaction, which rolls back.
    await expect(
      ingestArticle(t.deps, { pressId: 987_654, source: 'api', input: input('urn:notice:2'), original: {} }),
    ).rejects.toThrow();
    expect(heard).toEqual([]);
    // Unchanged content changes nothing, so nothing is announced.
    await ingestArticle(t.deps, { pressId: press.id, source: 'api', input: input('urn:notice:1'), original: {} });
    expect(heard).toEqual([]);
  });

  it('clustering and curation announce the issues they touched and the lists of issues', async () => {
    const ids = await storeFixtures(t.deps.db);
    await assignArticle(t.deps, ids[0]!);
    const issueId = (
      await t.deps.db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where('article_id', '=', ids[0]!)
        .executeTakeFirstOrThrow()
    ).issue_id;
    expect(heard).toContainEqual(['issues', `issue:${issueId}`, `article:${ids[0]}`]);
    heard.length = 0;
    await applyEditorAction(t.deps, null, { action: 'rename', issueId, name: '새 이름' });
    expect(heard).toEqual([['issues', `issue:${issueId}`]]);
    heard.length = 0;
    await expect(applyEditorAction(t.deps, null, { action: 'rename', issueId, name: '   ' })).rejects.toThrow();
    expect(heard).toEqual([]);
  });
});
