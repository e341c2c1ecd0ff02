// Staff in a real browser: sign in through the form, land in the studio, see only the own press's
// articles, open an article's revisions, reach the feed panel, sign out; and axe-core on /login
// and /studio (signed in as press staff and as an admin), light and dark.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/accounts/users.ts';
import { runAxe, seriousViolations } from './axe.ts';
import { FEATURED } from './fixtures.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

const PRESS_EMAIL = 'desk@harbor.example';
const ADMIN_EMAIL = 'admin@sosik.example';

async function addStaffUsers(e2e: E2E): Promise<void> {
  await createUser(
    { db: e2e.db },
    { email: PRESS_EMAIL, password: TEST_PASSWORD, role: 'press', pressSlug: 'harbor-daily' },
  );
  await createUser({ db: e2e.db }, { email: ADMIN_EMAIL, password: TEST_PASSWORD, role: 'admin' });
}

/** The featured article came in twice (revision 2 is a correction): store both as the studio shows them. */
async function addRevisions(e2e: E2E): Promise<void> {
  const id = e2e.fixture.featuredId;
  for (const revision of [1, 2]) {
    await e2e.db
      .insertInto('article_revisions')
      .values({
        article_id: id,
        revision,
        received_at: e2e.fixture.now - (3 - revision) * 3_600_000,
        source: 'api',
        pubstatus: 'usable',
        original: JSON.stringify({
          uri: `urn:fixture:featured`,
          version: String(revision),
          headline: FEATURED.headline,
        }),
        normalized: '{}',
      })
      .execute();
  }
}

async function signIn(e2e: E2E, email: string, next = ''): Promise<Page> {
  const page = await e2e.open(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('#login-email', email);
  await page.fill('#login-password', TEST_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.click('.login-form button[type="submit"]'),
  ]);
  return page;
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('.staff-bar__button')]);
}

describe.skipIf(skipBrowser)('studio in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    await addStaffUsers(e2e);
    await addRevisions(e2e);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("press staff sign in, see their own press only, and open an article's revisions", async () => {
    const page = await signIn(e2e, PRESS_EMAIL);
    expect(new URL(page.url()).pathname).toBe('/studio');
    await expect(page.locator('h1').textContent()).resolves.toContain('해온일보');
    const headlines = await page.locator('.studio-table tbody th a').allTextContents();
    expect(headlines).toContain(FEATURED.headline);
    expect(headlines).toContain('정정 보도로 내려간 기사');
    // Another press's stories (청람타임스) never show up here.
    expect(headlines.some((h) => h.includes('청람 분지') || h.includes('Chungram'))).toBe(false);
    await expect(page.locator('.studio-table .status--withdrawn').count()).resolves.toBe(1);
    // The frame is the site's: the category menu is there, and the staff bar links the feed panel.
    await expect(page.locator('.category-nav a').count()).resolves.toBeGreaterThan(5);
    await expect(page.locator('.staff-bar a[aria-current="page"]').getAttribute('href')).resolves.toBe('/studio');
    await expect(page.locator('.staff-bar a[href="/studio/feeds"]').count()).resolves.toBe(1);
    await expect(page.locator('.site-footer a[href="/studio"]').count()).resolves.toBe(1);
    await page.screenshot({ path: resultPath('studio-press.png'), fullPage: true });

    await Promise.all([page.waitForURL(/\/studio\/articles\/\d+$/), page.click(`text=${FEATURED.headline}`)]);
    await expect(page.locator('h1').textContent()).resolves.toBe(FEATURED.headline);
    await expect(page.locator('section.revision h3').allTextContents()).resolves.toEqual(['2판', '1판']);
    await expect(page.locator('pre.payload').first().textContent()).resolves.toContain('"version": "2"');
    // The payload scrolls on its own and is reachable by keyboard.
    await expect(page.locator('pre.payload').first().getAttribute('tabindex')).resolves.toBe('0');
    await page.screenshot({ path: resultPath('studio-revisions.png'), fullPage: true });
    await Promise.all([page.waitForURL((url) => url.pathname === '/studio'), page.click('.back-link')]);

    // Someone else's article: refused, with the localised error page.
    const other = await page.goto(`${e2e.baseUrl}/studio/articles/${e2e.fixture.englishId}`);
    expect(other?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('이 페이지를 열 권한이 없습니다');

    await page.goto(`${e2e.baseUrl}/studio/feeds`);
    await expect(page.locator('.feed-health h1').textContent()).resolves.toBe('피드 상태');
    await expect(page.locator('.staff-bar a[aria-current="page"]').getAttribute('href')).resolves.toBe('/studio/feeds');

    await signOut(page);
    const back = await page.goto(`${e2e.baseUrl}/studio`);
    expect(back?.ok()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('comes back to the page that asked for sign-in, in English when chosen', async () => {
    const page = await signIn(e2e, ADMIN_EMAIL, '/studio/presses/valley-times?lang=en');
    expect(new URL(page.url()).pathname).toBe('/studio/presses/valley-times');
    await expect(page.locator('h1').textContent()).resolves.toBe('Articles of 청람타임스');
    await expect(page.locator('.staff-bar').textContent()).resolves.toContain('Sign out');
    await expect(page.locator('form[action="/studio/presses/valley-times/rotate-key"]').count()).resolves.toBe(1);
    await signOut(page);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('studio accessibility (axe-core)', () => {
  let e2e: E2E;
  const report: Record<string, Array<{ id: string; impact: string | null; nodes: number }>> = {};

  beforeAll(async () => {
    e2e = await startE2E({ bypassCSP: true });
    await addStaffUsers(e2e);
    await addRevisions(e2e);
  });
  afterAll(async () => {
    if (Object.keys(report).length)
      fs.writeFileSync(resultPath('axe-report-studio.json'), JSON.stringify(report, null, 2));
    await e2e?.close();
  });

  async function check(page: Page, name: string, serious: string[]) {
    const violations = await runAxe(page);
    report[name] = violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    serious.push(...seriousViolations(name, violations));
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`/login and /studio have no serious or critical violations in the ${scheme} scheme`, async () => {
      const serious: string[] = [];
      const login = await e2e.context.newPage();
      await login.emulateMedia({ colorScheme: scheme });
      await login.goto(`${e2e.baseUrl}/login`);
      await check(login, `login-${scheme}`, serious);
      // A failed attempt shows the error message: that state must pass too.
      await login.fill('#login-email', PRESS_EMAIL);
      await login.fill('#login-password', 'not the password');
      await Promise.all([login.waitForLoadState('load'), login.click('.login-form button[type="submit"]')]);
      await expect(login.locator('.form-error').isVisible()).resolves.toBe(true);
      await check(login, `login-error-${scheme}`, serious);
      await login.close();

      for (const [email, pages] of [
        [PRESS_EMAIL, ['/studio', `/studio/articles/${e2e.fixture.featuredId}`, '/studio/feeds']],
        [ADMIN_EMAIL, ['/studio', '/studio/presses/harbor-daily']],
      ] as const) {
        const page = await signIn(e2e, email);
        await page.emulateMedia({ colorScheme: scheme });
        for (const pathname of pages) {
          await page.goto(e2e.baseUrl + pathname);
          await check(page, `${email.split('@')[0]}${pathname}-${scheme}`, serious);
        }
        await signOut(page);
        await page.close();
      }
      expect(serious).toEqual([]);
    });
  }
});
