// The article page in a real browser: every part present, copy-link, lightbox, skip link,
// font size, and a screenshot for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURED } from './fixtures.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

describe.skipIf(skipBrowser)('article page in Chromium', () => {
  let e2e: E2E;
  let articlePath: string;

  beforeAll(async () => {
    e2e = await startE2E();
    articlePath = `/articles/${e2e.fixture.featuredId}`;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows every part of the reference page', async () => {
    const page = await e2e.open(articlePath);
    const visible = async (selector: string) =>
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    await expect(page.locator('.today').textContent()).resolves.toMatch(/\d\d\.\d\d \([일월화수목금토]\)/);
    await expect(page.locator('h1#article-title').textContent()).resolves.toContain(FEATURED.headline);
    await expect(page.locator('.article-head__series').textContent()).resolves.toContain(FEATURED.series);
    await expect(page.locator('.article-head__press a').getAttribute('href')).resolves.toBe('/press/harbor-daily');
    await expect(page.locator('.article-times time').count()).resolves.toBe(2);
    await expect(page.locator('.comment-count').textContent()).resolves.toMatch(/댓글\s*0/);
    await visible('.comments__empty');
    await visible('[data-copy-link]');
    await visible('[data-font-size-control]');
    await expect(page.locator('figure.photo').count()).resolves.toBe(2);
    await expect(page.locator('figure.photo figcaption').first().textContent()).resolves.toContain(
      FEATURED.photoCredit,
    );
    await expect(page.locator('.article-body__html h3').allTextContents()).resolves.toEqual([...FEATURED.subheads]);
    await expect(page.locator(`a[href="mailto:${FEATURED.bylineEmail}"]`).count()).resolves.toBe(1);
    await expect(page.locator('.copyright').textContent()).resolves.toBe(FEATURED.copyright);
    await expect(page.locator('.category-note .chip').allTextContents()).resolves.toEqual(['경제', 'IT/과학']);
    await visible('.category-note__text');
    // Signed out, the press's follow control leads to the sign-in form and back to this article.
    await expect(page.locator('.press-promo [data-follow="press"] a').getAttribute('href')).resolves.toMatch(
      /^\/login\?next=%2Farticles%2F\d+$/,
    );
    await visible('.press-sequence__link--previous');
    await visible('.press-sequence__link--next');
    await expect(page.locator('script[type="application/ld+json"]').count()).resolves.toBe(1);
    // No CSP violation or script error on the way.
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('skip link is the first focusable element and moves focus to the main content', async () => {
    const page = await e2e.open(articlePath);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');
    await page.close();
  });

  it('copy-link puts the canonical URL on the clipboard and announces it', async () => {
    await e2e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
    const page = await e2e.open(articlePath);
    const toast = page.locator('[data-toast]');
    await expect(toast.getAttribute('aria-live')).resolves.toBe('polite');
    await page.locator('[data-copy-link]').click();
    await page.waitForFunction(() => document.querySelector('[data-toast]')?.textContent !== '');
    await expect(toast.textContent()).resolves.toBe('기사 주소를 복사했습니다.');
    expect(await toast.isVisible()).toBe(true);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${e2e.baseUrl}${articlePath}`);
    await page.close();
  });

  it('lightbox opens and closes by keyboard and gives focus back to the photo', async () => {
    const page = await e2e.open(articlePath);
    const photoLink = page.locator('a[data-lightbox]').first();
    await photoLink.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.lightbox');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    await expect(page.locator('.lightbox__image').getAttribute('src')).resolves.toBe(
      `${e2e.baseUrl}/static/demo/photos/tidal-plant.svg`,
    );
    await expect(page.locator('.lightbox__caption').textContent()).resolves.toContain(FEATURED.photoCaption);
    // Focus is inside the dialog (its close button), so keyboard users can leave it.
    await expect(page.evaluate(() => document.activeElement?.closest('dialog') !== null)).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(
      '/static/demo/photos/tidal-plant.svg',
    );
    // And again with the close button, by keyboard.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // focus starts on the close button
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-lightbox'))).resolves.toBe(true);
    await page.close();
  });

  it('font-size control changes the body text size and remembers it', async () => {
    const page = await e2e.open(articlePath);
    const body = page.locator('[data-font-size-target]');
    const size = () => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.locator('[data-font-step="1"]').click();
    await page.locator('[data-font-step="1"]').click();
    const after = await size();
    expect(after).toBeGreaterThan(before);
    await page.reload();
    await expect(body.getAttribute('class')).resolves.toContain('font-size-5');
    await page.locator('[data-font-step="-1"]').click();
    await page.locator('[data-font-step="-1"]').click();
    await expect(body.getAttribute('class')).resolves.toContain('font-size-3');
    await page.close();
  });

  it('prints without navigation or controls, and follows the dark colour scheme', async () => {
    const page = await e2e.open(articlePath);
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    for (const hidden of [
      '.category-nav',
      '.search-box',
      '.article-tools',
      '.subscribe',
      '.press-sequence',
      '.side-column',
    ]) {
      expect(await display(hidden), hidden).toBe('none');
    }
    expect(await display('.article-body')).toBe('block');
    await page.close();
  });

  it('writes screenshots of the article page (light, dark, narrow) to test-results/', async () => {
    const page = await e2e.open(articlePath);
    await page.screenshot({ path: resultPath('article.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: resultPath('article-dark.png'), fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: resultPath('article-mobile.png'), fullPage: false });
    await page.close();
    const home = await e2e.open('/');
    await home.screenshot({ path: resultPath('home.png'), fullPage: false });
    await home.close();
    const { statSync } = await import('node:fs');
    expect(statSync(resultPath('article.png')).size).toBeGreaterThan(10_000);
  });
});
