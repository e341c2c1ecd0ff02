// Related articles: same reporter before similar text, each with its reason; never the article
// itself, never twice, never a withdrawn one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addArticle, addPress } from '../../test/helpers/news.ts';
import { relatedArticles } from './related.ts';

const T0 = Date.now() - 86_400_000;

describe.each(await testDialects())('related articles on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
  });
  afterEach(() => t.close());

  it('orders same reporter, then similar text, with reasons, without itself or withdrawn ones', async () => {
    const press = await addPress(t.deps, 'hanbit', '한빛일보');
    const other = await addPress(t.deps, 'saebyeok', '새벽신문');
    const self = await addArticle(
      t.deps,
      press,
      { headline: '은빛대교 균열 보수 공사 시작', bylines: [{ name: '김민수' }] },
      T0,
    );
    const byReporter = await addArticle(
      t.deps,
      press,
      { headline: '가람시 예산 심의', bylines: [{ name: '김민수' }] },
      T0 + 1000,
    );
    const similar = await addArticle(
      t.deps,
      other,
      { headline: '은빛대교 균열 보수 공사 논란', bodyHtml: '<p>은빛대교 균열 보수 공사를 두고 논란이 인다.</p>' },
      T0 + 2000,
    );
    await addArticle(t.deps, other, { uri: 'urn:gone', headline: '은빛대교 균열 보수 공사 철회 기사' }, T0 + 3000);
    await addArticle(
      t.deps,
      other,
      {
        uri: 'urn:gone',
        headline: '은빛대교 균열 보수 공사 철회 기사',
        pubstatus: 'canceled',
        versionCreated: T0 + 4000,
      },
      T0 + 4000,
    );
    await t.runJobs();

    const items = await relatedArticles(t.deps, self);
    const ids = items.map((i) => i.card.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(self);
    expect(ids).toEqual(expect.arrayContaining([byReporter, similar]));
    // Reasons come in priority order, and each is true of the article it is given for.
    const rank = { issue: 0, reporter: 1, similar: 2 } as const;
    expect(items.map((i) => rank[i.reason])).toEqual([...items.map((i) => rank[i.reason])].sort());
    const issuesOf = async (id: number) =>
      (await t.deps.db.selectFrom('issue_articles').select('issue_id').where('article_id', '=', id).execute()).map(
        (r) => r.issue_id,
      );
    const reportersOf = async (id: number) =>
      (
        await t.deps.db.selectFrom('article_reporters').select('reporter_id').where('article_id', '=', id).execute()
      ).map((r) => r.reporter_id);
    const mine = { issues: await issuesOf(self), reporters: await reportersOf(self) };
    for (const i of items) {
      if (i.reason === 'issue') expect((await issuesOf(i.card.id)).some((x) => mine.issues.includes(x))).toBe(true);
      if (i.reason === 'reporter')
        expect((await reportersOf(i.card.id)).some((x) => mine.reporters.includes(x))).toBe(true);
    }
    const page = (await t.app.inject({ url: `/articles/${self}` })).body;
    expect(page).toContain('관련 기사');
    expect(page).toContain(`data-reason="${items[0]!.reason}"`);
    expect(page).not.toContain('철회 기사');
  });

  it("keeps an article page's list until a change is heard, and drops a withdrawn article at once", async () => {
    const press = await addPress(t.deps, 'hanbit', '한빛일보');
    const self = await addArticle(
      t.deps,
      press,
      { headline: '해온만 방조제 첫 개방', bylines: [{ name: '이서연' }] },
      T0,
    );
    const sibling = await addArticle(
      t.deps,
      press,
      { headline: '가람시 버스 노선 개편', bylines: [{ name: '이서연' }] },
      T0 + 1000,
    );
    await t.runJobs();
    const page = async () => (await t.app.inject({ url: `/articles/${self}` })).body;
    expect(await page()).toContain(`href="/articles/${sibling}"`);
    // Another process stores one more by the same reporter without this bus hearing it: still kept…
    const elsewhere = { ...t.deps, changes: undefined };
    const later = await addArticle(
      elsewhere,
      press,
      { headline: '가람시 시내버스 증차', bylines: [{ name: '이서연' }] },
      T0 + 2000,
    );
    expect(await page()).not.toContain(`href="/articles/${later}"`);
    // …until the announcement of that ingest arrives.
    t.deps.changes!.deliver(['front']);
    expect(await page()).toContain(`href="/articles/${later}"`);
    // A withdrawal committed here is gone from the next render.
    const { uri } = await t.deps.db
      .selectFrom('articles')
      .select('uri')
      .where('id', '=', later)
      .executeTakeFirstOrThrow();
    await addArticle(t.deps, press, {
      uri,
      headline: '가람시 시내버스 증차',
      pubstatus: 'canceled',
      versionCreated: Date.now() + 1000,
    });
    expect(await page()).not.toContain(`href="/articles/${later}"`);
  });
});
