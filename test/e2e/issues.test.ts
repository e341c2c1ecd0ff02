// The issue page and the article's issue tag in a real browser, with a screenshot for people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { assignArticle } from '../../src/issues/assign.ts';
import { discardEngine } from '../../src/issues/engine-cache.ts';
import { issueTagForArticle } from '../../src/issues/page-slots.ts';
import { FIXTURE_ARTICLES, storeFixtures } from '../../src/issues/test-fixtures.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

describe.skipIf(skipBrowser)('issues in Chromium', () => {
  let e2e: E2E;
  let ids: number[];
  let slug: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ids = await storeFixtures(e2e.db, FIXTURE_ARTICLES, Date.now() - 8 * 3_600_000);
    const deps = { db: e2e.db, dialect: 'sqlite' as const, config: loadConfig({}, { demo: false }) };
    for (const id of ids) await assignArticle(deps, id);
    slug = (await issueTagForArticle(deps, ids[0]!))!.slug;
  });
  afterAll(async () => {
    if (e2e) discardEngine(e2e.db);
    await e2e?.close();
  });

  it('article page: the issue tag leads to the issue page', async () => {
    const page = await e2e.open(`/articles/${ids[2]}`);
    const tag = page.locator('.issue-tag a');
    await expect(tag.getAttribute('href')).resolves.toBe(`/issues/${encodeURIComponent(slug)}`);
    await expect(tag.textContent()).resolves.toContain('은빛대교');
    await tag.click();
    await page.waitForURL(`**/issues/**`);
    await expect(page.locator('h1.issue-head__title').textContent()).resolves.toContain('은빛대교');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('issue page: lead, chart, timeline by day, presses and feeds, without CSP problems', async () => {
    const page = await e2e.open(`/issues/${encodeURIComponent(slug)}`);
    expect(await page.locator('.issue-lead__headline a').isVisible()).toBe(true);
    const chart = page.locator('svg.issue-chart__svg');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await expect(page.locator('svg.issue-chart__svg rect').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('.issue-item').count()).resolves.toBe(3);
    await expect(page.locator('.issue-day__date').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(page.locator('.issue-presses li').count()).resolves.toBe(3);
    await expect(page.locator('.issue-feeds a').count()).resolves.toBe(3);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').count()).resolves.toBe(1);
    await page.screenshot({ path: resultPath('issue-page.png'), fullPage: true });
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('home page: top issues now, and the issues list', async () => {
    const home = await e2e.open('/');
    await expect(home.locator('.top-issues__item').count()).resolves.toBe(3);
    await home.close();
    const list = await e2e.open('/issues');
    await expect(list.locator('.issue-list__item').count()).resolves.toBe(3);
    await list.close();
  });
});
