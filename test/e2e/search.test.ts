// The search page in a real browser: the header search box, highlighted results, filters and
// facets, sort by newest, pagination, choseong queries, the empty page, and the OpenSearch link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexAll } from '../../src/search/indexing.ts';
import { FEATURED } from './fixtures.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

describe.skipIf(skipBrowser)('search page in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    // The fixture writes articles straight into the tables, bypassing the jobs that index them.
    await reindexAll({ db: e2e.db, dialect: 'sqlite' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('searches from the header box and highlights the match', async () => {
    const page = await e2e.open('/');
    await page.fill('#site-search', '조력발전소');
    await Promise.all([page.waitForURL('**/search?q=*'), page.press('#site-search', 'Enter')]);
    const first = page.locator('.search-result').first();
    await expect(first.locator('.search-result__headline').textContent()).resolves.toBe(FEATURED.headline);
    await expect(first.locator('.search-result__headline mark').textContent()).resolves.toContain('조력발전소');
    await expect(
      page.locator('link[rel="search"][type="application/opensearchdescription+xml"]').count(),
    ).resolves.toBe(1);
    await expect(page.locator('#search-page-q').inputValue()).resolves.toBe('조력발전소');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('narrows by press through a facet and through the filter form', async () => {
    const page = await e2e.open('/search?q=' + encodeURIComponent('전력'));
    const facets = page.locator('.search-facets__group').first().locator('a');
    await expect(facets.count()).resolves.toBe(2);
    const facetHref = (await facets.first().getAttribute('href'))!;
    const pressSlug = new URLSearchParams(facetHref.split('?')[1]).get('press')!;
    await Promise.all([page.waitForURL(`**press=${pressSlug}*`), facets.first().click()]);
    const pressLinks = await page
      .locator('.search-result__meta a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(pressLinks.length).toBeGreaterThan(0);
    expect(new Set(pressLinks)).toEqual(new Set([`/press/${pressSlug}`]));

    await page.selectOption('select[name="press"]', '');
    await page.selectOption('select[name="sort"]', 'newest');
    await Promise.all([page.waitForURL('**sort=newest*'), page.click('.search-filters button[type="submit"]')]);
    const times = await page
      .locator('.search-result__meta time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(times.length).toBe(10);
    expect([...times].sort().reverse()).toEqual(times);
    expect(e2e.pageProblems).toEqual([]);
    await page.screenshot({ path: resultPath('search-page.png'), fullPage: true });
    await page.close();
  });

  it('pages through many results', async () => {
    const page = await e2e.open('/search?q=' + encodeURIComponent('골목 시장'));
    await expect(page.locator('.search-result').count()).resolves.toBe(10);
    await Promise.all([page.waitForURL('**page=2*'), page.click('.pagination a[rel="next"]')]);
    await expect(page.locator('.search-result').count()).resolves.toBe(10);
    await expect(page.locator('.pagination__page').textContent()).resolves.toBe('2쪽');
    await page.close();
  });

  it('finds a headline from its initial consonants', async () => {
    const page = await e2e.open('/search?q=' + encodeURIComponent('ㅈㄹㅂㅈㅅ'));
    await expect(page.locator('.search-result__headline').first().textContent()).resolves.toBe(FEATURED.headline);
    await page.close();
  });

  it('explains an empty result and offers a way out', async () => {
    const page = await e2e.open('/search?q=' + encodeURIComponent('조력발전소 없는낱말') + '&to=2000-01-01');
    await expect(page.locator('.search-empty').textContent()).resolves.toContain('찾지 못했습니다');
    await expect(page.locator('.search-empty a', { hasText: '필터 없이 다시 검색' }).count()).resolves.toBe(1);
    const hostile = await e2e.open('/search?q=' + encodeURIComponent('"<img src=x onerror=alert(1)> OR *'));
    expect(await hostile.locator('img[src="x"]').count()).toBe(0);
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
    await hostile.close();
  });
});
