import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addStaff, form, signIn } from '../../test/helpers/staff.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { issueTagForArticle, topIssuesNow } from './page-slots.ts';
import { FIXTURE_ARTICLES, storeFixtures } from './test-fixtures.ts';
import { renderToString } from 'preact-render-to-string';

describe.each(await testDialects())('issue pages on %s', (dialect) => {
  let t: TestApp;
  let ids: number[];
  let bridgeSlug: string;
  let start: number;

  beforeEach(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    start = Date.now() - 8 * 3_600_000;
    ids = await storeFixtures(t.deps.db, FIXTURE_ARTICLES, start);
    // Through the durable queue, as the ingest path does it.
    for (const articleId of ids) await enqueueJob(t.deps.db, 'issues.assign', { articleId });
    expect(await t.runJobs()).toBe(ids.length);
    bridgeSlug = (await issueTagForArticle(t.deps, ids[0]!))!.slug;
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows an issue: name, lead, timeline by day, presses, chart, feeds', async () => {
    const res = await t.app.inject({ url: `/issues/${encodeURIComponent(bridgeSlug)}` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('class="issue-head__title"');
    expect(html).toMatch(/은빛대교/);
    expect(html).toContain('기사 3건 · 언론사 3곳');
    expect(html).toContain('<svg');
    expect((html.match(/class="issue-chart__bar"/g) ?? []).length).toBeGreaterThan(1);
    expect(html).toContain('class="issue-day__date"');
    expect(html).toContain(`href="/articles/${ids[6]}"`);
    expect(html).toContain('href="/press/saebyeok"');
    expect(html).toContain(`/issues/${encodeURIComponent(bridgeSlug)}/feed.xml`);
    expect(html).not.toContain('issue-editor'); // readers get no editor panel
  });

  it('lists active issues, filters by category, redirects old slugs and hides quiet ones', async () => {
    const list = await t.app.inject({ url: '/issues' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/issues/${encodeURIComponent(bridgeSlug)}"`);
    const politics = await t.app.inject({ url: '/issues?category=politics' });
    expect(politics.body).not.toContain(`href="/issues/${encodeURIComponent(bridgeSlug)}"`);
    const id = bridgeSlug.split('-')[0];
    const old = await t.app.inject({ url: `/issues/${id}-old-words` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/issues/${encodeURIComponent(bridgeSlug)}`);
    await t.deps.db.updateTable('issues').set({ visible: 0 }).where('slug', '=', bridgeSlug).execute();
    expect((await t.app.inject({ url: `/issues/${encodeURIComponent(bridgeSlug)}` })).statusCode).toBe(404);
  });

  it('gives the article page its issue tag and the home page its top issues', async () => {
    const tag = await issueTagForArticle(t.deps, ids[2]!);
    expect(tag?.slug).toBe(bridgeSlug);
    const article = await t.app.inject({ url: `/articles/${ids[2]}` });
    expect(article.body).toContain(`/issues/${encodeURIComponent(bridgeSlug)}`);
    const box = await topIssuesNow(t.deps, 'ko', start + 8 * 3_600_000);
    const html = renderToString(box!);
    expect(html).toContain('지금 주요 이슈');
    // Bridge (3 presses) outranks the two-press stories.
    const order = [...html.matchAll(/class="top-issues__item"><a href="\/issues\/([^"]+)"/g)].map((m) =>
      decodeURIComponent(m[1]!),
    );
    expect(order).toHaveLength(3);
    expect(order[0]).toBe(bridgeSlug);
  });

  it("keeps the home page's box until an issue change is heard, then shows it on the next render", async () => {
    const home = async () => (await t.app.inject({ url: '/' })).body;
    expect(await home()).toContain(`href="/issues/${encodeURIComponent(bridgeSlug)}"`);
    // Hidden by another process (same database, this process's bus not told): still kept here…
    await t.deps.db.updateTable('issues').set({ visible: 0 }).where('slug', '=', bridgeSlug).execute();
    expect(await home()).toContain(`href="/issues/${encodeURIComponent(bridgeSlug)}"`);
    // …until its announcement arrives (what PostgreSQL LISTEN/NOTIFY or Redis delivers).
    t.deps.changes!.deliver(['issues']);
    expect(await home()).not.toContain(`href="/issues/${encodeURIComponent(bridgeSlug)}"`);
  });

  it("keeps an issue's timeline until a change to it is heard", async () => {
    const url = `/issues/${encodeURIComponent(bridgeSlug)}`;
    const page = async () => (await t.app.inject({ url })).body;
    expect(await page()).toContain(`href="/articles/${ids[6]}"`);
    // A member's headline changed by another process (same database, this bus not told): kept…
    await t.deps.db
      .updateTable('articles')
      .set({ headline: '다른 서버가 고친 제목' })
      .where('id', '=', ids[6]!)
      .execute();
    expect(await page()).not.toContain('다른 서버가 고친 제목');
    // …until its announcement arrives.
    const issueId = Number(bridgeSlug.split('-')[0]);
    t.deps.changes!.deliver([`issue:${issueId}`]);
    expect(await page()).toContain('다른 서버가 고친 제목');
  });

  it('lets an editor rename through the page form, and refuses readers and forged posts', async () => {
    const url = `/issues/${encodeURIComponent(bridgeSlug)}/edit`;
    const anonymous = await t.app.inject({ method: 'POST', url, ...form({ action: 'rename', name: 'x' }) });
    expect(anonymous.statusCode).toBe(401);

    await addStaff(t.deps, 'desk@example.test', 'editor');
    const cookie = await signIn(t.app, 'desk@example.test');
    const page = await t.app.inject({ url: `/issues/${encodeURIComponent(bridgeSlug)}`, headers: { cookie } });
    expect(page.body).toContain('issue-editor');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const forged = await t.app.inject({
      method: 'POST',
      url,
      ...form({ action: 'rename', name: '가짜' }),
      headers: { ...form({}).headers, cookie },
    });
    expect(forged.statusCode).toBe(403);

    const body = form({ _csrf: csrf, action: 'rename', name: '은빛대교 균열 사태' });
    const ok = await t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } });
    expect(ok.statusCode).toBe(303);
    const after = await t.app.inject({ url: ok.headers.location as string });
    expect(after.body).toContain('은빛대교 균열 사태');
    expect((await issueTagForArticle(t.deps, ids[0]!))?.name).toBe('은빛대교 균열 사태');

    await addStaff(t.deps, 'press@example.test', 'press', 'hanbit');
    const pressCookie = await signIn(t.app, 'press@example.test');
    const denied = await t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: pressCookie },
    });
    expect(denied.statusCode).toBe(403);
  });
});
