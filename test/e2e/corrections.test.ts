// The automatic summary, the public revisions page and the 속보 banner in a real Chromium: the
// summary opens and closes (mouse and keyboard, no script needed), the revisions page shows
// labelled insertions and deletions under a heading per revision, the banner dismisses and stays
// dismissed across reloads until a newer 속보; then axe on each new page, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, runAxe } from './axe.ts';
import {
  CORRECTED_FIGURE,
  addBreaking,
  addCorrectionsNewsroom,
  type CorrectionsNewsroom,
} from './corrections-newsroom.ts';
import { skipBrowser, startE2E, type E2E } from './harness.ts';

describe.skipIf(skipBrowser)('summary, revisions and 속보 in Chromium', () => {
  let e2e: E2E;
  let news: CorrectionsNewsroom;

  beforeAll(async () => {
    e2e = await startE2E();
    news = await addCorrectionsNewsroom(e2e);
  });
  afterAll(async () => e2e?.close());

  it('opens and closes the collapsed summary with the mouse and the keyboard', async () => {
    const page = await e2e.open(`/articles/${news.summarizedId}`);
    const details = page.locator('details.auto-summary');
    const sentences = details.locator('.auto-summary__sentences li');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await sentences.first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).toBe('');
    expect(await sentences.count()).toBe(3);
    expect(await sentences.first().isVisible()).toBe(true);
    await expect(details.locator('.auto-summary__note').textContent()).resolves.toContain('기사 전문');
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('open')).toBeNull();
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('leads from "수정됨 · 1회" to a revisions page whose diff a screen reader can read', async () => {
    const page = await e2e.open(`/articles/${news.correctedId}`);
    const note = page.getByRole('link', { name: '수정됨 · 1회' });
    expect(await note.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(`**/articles/${news.correctedId}/revisions`), note.click()]);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringMatching(/^제2판 · \d{4}\.\d\d\.\d\d\./),
      expect.stringMatching(/^제1판 \(처음 실린 기사\) · /),
    ]);
    const ins = page.locator('.revision-diff ins');
    const del = page.locator('.revision-diff del');
    // Headline and body: the text as a screen reader gets it, labels included.
    await expect(del.allTextContents()).resolves.toEqual([
      '[삭제됨] 첫 전력 생산 [삭제 끝]',
      `[삭제됨] ${CORRECTED_FIGURE.before} [삭제 끝]`,
    ]);
    await expect(ins.allTextContents()).resolves.toEqual([
      '[추가됨] 상업 운전 시작 [추가 끝]',
      `[추가됨] ${CORRECTED_FIGURE.after} [추가 끝]`,
    ]);
    // The labels are for the ear only; the eye sees the marks.
    expect(await ins.first().locator('.visually-hidden').first().boundingBox()).toMatchObject({ width: 1, height: 1 });
    expect(
      await page
        .locator('.revision-diff ins')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('underline');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('shows the 속보 banner, dismisses it, keeps it dismissed on reload, and shows a newer one', async () => {
    const first = await addBreaking(news, 'urn:e2e:breaking-1', '해온만 방조제 수문 긴급 개방');
    const page = await e2e.open('/');
    const banner = page.locator(`[data-breaking-id="${first}"]`);
    expect(await banner.isVisible()).toBe(true);
    await expect(banner.locator('.breaking__link').textContent()).resolves.toBe('해온만 방조제 수문 긴급 개방');
    const close = page.getByRole('button', { name: '속보 알림 닫기' });
    expect(await close.isVisible()).toBe(true);
    await close.click();
    expect(await page.locator('[data-breaking-id]').count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');

    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('[data-breaking-id]').count()).toBe(0);
    const other = await e2e.open(`/articles/${news.summarizedId}`);
    expect(await other.locator('[data-breaking-id]').count()).toBe(0);
    await other.close();

    const second = await addBreaking(news, 'urn:e2e:breaking-2', '해온시 전역 정전');
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator(`[data-breaking-id="${second}"]`).isVisible()).toBe(true);
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('keeps the banner, without a close button, when its script does not run', async () => {
    // The persistent context cannot switch JavaScript off; refusing the islands' scripts is the same here.
    const page = await e2e.context.newPage();
    await page.route('**/static/js/**', (route) => route.abort());
    await page.goto(`${e2e.baseUrl}/categories/economy`, { waitUntil: 'load' });
    expect(await page.locator('[data-breaking-id]').isVisible()).toBe(true);
    expect(await page.locator('[data-breaking-dismiss]').isVisible()).toBe(false);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('summary, revisions and 속보: accessibility (axe-core)', () => {
  let e2e: E2E;
  let news: CorrectionsNewsroom;

  beforeAll(async () => {
    // Only to inject axe as a script tag; the functional suite above keeps the CSP.
    e2e = await startE2E({ bypassCSP: true });
    news = await addCorrectionsNewsroom(e2e);
    await addBreaking(news, 'urn:e2e:breaking-axe', '해온만 방조제 수문 긴급 개방');
  });
  afterAll(async () => e2e?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${scheme} scheme`, async () => {
      const serious: string[] = [];
      const pages: Array<[string, string, ((p: import('playwright-core').Page) => Promise<void>)?]> = [
        [
          'article-with-open-summary',
          `/articles/${news.summarizedId}`,
          (p) => p.locator('details.auto-summary summary').click(),
        ],
        ['revisions', `/articles/${news.correctedId}/revisions`],
        ['revisions-en', `/articles/${news.correctedId}/revisions?lang=en`],
        ['home-with-banner', '/'],
      ];
      for (const [name, pathname, prepare] of pages) {
        const page = await e2e.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(e2e.baseUrl + pathname, { waitUntil: 'load' });
        await prepare?.(page);
        if (name === 'home-with-banner') expect(await page.locator('[data-breaking-id]').count()).toBe(1);
        serious.push(...seriousViolations(`${name} (${scheme})`, await runAxe(page)));
        await page.close();
      }
      expect(serious).toEqual([]);
    });
  }
});
