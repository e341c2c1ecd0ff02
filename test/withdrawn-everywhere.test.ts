// A withdrawn article never appears in any list, box or feed after the withdrawal: home boxes,
// category and press lists, the site frame's latest headlines (side columns, error pages) and its
// 속보 banner, issue pages, lists and feeds, search results (page and API), every feed out and
// the sitemaps. Checked twice: right after the withdrawal (before the jobs that follow it have
// run: what this process shows must already be right) and after them. Each place is first shown
// to list the article, so every check can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { testDialects } from './helpers/databases.ts';
import { addPress, deliver } from './helpers/newsroom.ts';
import { FIXTURE_ARTICLES } from '../src/issues/test-fixtures.ts';

const bridge = FIXTURE_ARTICLES.filter((a) => a.story === 'bridge');
const statusOf = (url: string) => (url === '/no-such-page' ? 404 : 200);

describe.each(await testDialects())('a withdrawn article on %s', (dialect) => {
  let t: TestApp;
  let withdrawnId: number;
  let pressSlug: string;
  let issueSlug: string;
  let places: string[];
  const mentions = (body: string) => new RegExp(`/articles/${withdrawnId}(?![0-9])`).test(body);

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false, issueMinPresses: 2 });
    const now = Date.now();
    let n = 0;
    for (const a of bridge) {
      const pressId = await addPress(t.deps, a.press, a.press);
      const at = new Date(now - (bridge.length - n) * 60_000).toISOString();
      const { id } = await deliver(t.deps, pressId, {
        uri: `urn:${a.press}:${n}`,
        headline: a.headline,
        body_text: a.body,
        subjects: [{ code: 'society' }],
        firstcreated: at,
        versioncreated: at,
        // The press's newest is also its 속보, so the banner is checked as well.
        ...(a.press === 'saebyeok' ? { urgency: 1 } : {}),
      });
      if (a.press === 'saebyeok') {
        withdrawnId = id;
        pressSlug = a.press;
      }
      n++;
    }
    await t.runJobs();
    // What the frame would have reloaded by itself within its 30 s.
    await t.app.site.frame.refresh();
    const member = await t.deps.db
      .selectFrom('issue_articles')
      .innerJoin('issues', 'issues.id', 'issue_articles.issue_id')
      .select('issues.slug')
      .where('issue_articles.article_id', '=', withdrawnId)
      .executeTakeFirstOrThrow();
    issueSlug = member.slug;
    places = [
      '/',
      '/categories/society',
      `/press/${pressSlug}`,
      '/no-such-page', // the error page's latest headlines (the site frame)
      `/issues/${issueSlug}`,
      '/search?q=은빛대교',
      `/api/v1/search?q=${encodeURIComponent('은빛대교')}`,
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      `/press/${pressSlug}/feed.xml`,
      '/categories/society/atom.xml',
      `/issues/${issueSlug}/feed.json`,
      '/sitemaps/articles-1.xml',
      '/sitemap-news.xml',
    ];
  });
  afterAll(async () => t?.close());

  it('is listed everywhere while it is published (so each check below can fail)', async () => {
    for (const url of places) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(statusOf(url));
      expect(mentions(res.body), url).toBe(true);
    }
    expect((await t.app.inject('/')).body).toContain(`data-breaking-id="${withdrawnId}"`);
  });

  it('leaves every list, box, banner and feed at once, before and after the jobs that follow', async () => {
    const press = await t.deps.db
      .selectFrom('presses')
      .select('id')
      .where('slug', '=', pressSlug)
      .executeTakeFirstOrThrow();
    const a = bridge.find((x) => x.press === pressSlug)!;
    const res = await deliver(t.deps, press.id, {
      uri: `urn:${pressSlug}:1`,
      headline: a.headline,
      body_text: a.body,
      pubstatus: 'canceled',
    });
    expect(res).toMatchObject({ id: withdrawnId, status: 'withdrawn', changed: true });
    for (const when of ['before the jobs', 'after the jobs']) {
      for (const url of places) {
        const page = await t.app.inject(url);
        // Once clustering has run, the story may have been renamed or gone quiet with one press less.
        if (when === 'before the jobs' || !url.startsWith('/issues/'))
          expect(page.statusCode, `${url} ${when}`).toBe(statusOf(url));
        else expect(page.statusCode, `${url} ${when}`).toBeLessThan(500);
        expect(mentions(page.body), `${url} ${when}`).toBe(false);
      }
      expect((await t.app.inject('/')).body).not.toContain('data-breaking-id');
      await t.runJobs();
    }
    // Its own page keeps a short public notice of the withdrawal.
    const gone = await t.app.inject(`/articles/${withdrawnId}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('이 기사를 내렸습니다');
  });
});

describe.each(await testDialects())('a withdrawn article and the page cache on %s', (dialect) => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('is gone from the next anonymous page this process serves, cache or not', async () => {
    t = await createTestApp(dialect, { demo: false, workers: false, pageCacheSeconds: 3600 });
    const pressId = await addPress(t.deps, 'hanbit', '한빛일보');
    const a = bridge[0]!;
    const { id } = await deliver(t.deps, pressId, {
      uri: 'urn:cache:1',
      headline: a.headline,
      body_text: a.body,
      subjects: [{ code: 'society' }],
    });
    const urls = ['/categories/society', '/press/hanbit'];
    for (const url of urls) {
      // A render that overlapped a change (the latest-headlines reload that follows the ingest) is
      // served but not kept, so the page may take a request or two before it is cached.
      let cached = await t.app.inject(url);
      for (let i = 0; i < 20 && cached.headers['x-page-cache'] !== 'hit'; i++) cached = await t.app.inject(url);
      expect(cached.headers['x-page-cache'], url).toBe('hit');
      expect(cached.body).toContain(`/articles/${id}"`);
    }
    await deliver(t.deps, pressId, {
      uri: 'urn:cache:1',
      headline: a.headline,
      body_text: a.body,
      pubstatus: 'withheld',
    });
    for (const url of urls) {
      const page = await t.app.inject(url);
      expect(page.headers['x-page-cache'], url).toBeUndefined();
      expect(page.body, url).not.toContain(`/articles/${id}"`);
    }
  });
});
