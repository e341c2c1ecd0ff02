// Reader account pages in Chromium: the sign-up form works from the keyboard alone, and axe-core
// finds no serious or critical violation on any reader page, signed out and signed in, light and
// dark.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.ts';
import { runAxe, seriousViolations } from './axe.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

const PASSWORD = 'quiet harbour lanterns';
const STAFF_PASSWORD = 'correct horse battery';

/** Types into the focused element, then moves on with Tab, as a keyboard user would. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe.skipIf(skipBrowser)('reader pages in Chromium', () => {
  let e2e: E2E;
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    e2e = await startE2E({ bypassCSP: true });
    await createUser({ db: e2e.db }, { email: 'admin@sosik.example', password: STAFF_PASSWORD, role: 'admin' });
  });
  afterAll(async () => {
    if (Object.keys(report).length)
      fs.writeFileSync(resultPath('axe-report-readers.json'), JSON.stringify(report, null, 2));
    await e2e?.close();
  });

  it('signs up with the keyboard alone: labelled fields in order, space ticks the boxes, enter submits', async () => {
    const page = await e2e.open('/signup');
    await page.focus('#signup-email');
    await typeAndTab(page, 'keyboard@example.kr');
    expect(await focusedId(page)).toBe('signup-password');
    await typeAndTab(page, PASSWORD);
    expect(await focusedId(page)).toBe('signup-nickname');
    await typeAndTab(page, '키보드');
    // The consent boxes, each after the link to the text it agrees to.
    expect(await focusedId(page)).toBe('signup-terms');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('signup-privacy');
    await page.keyboard.press('Space');
    await Promise.all([page.waitForURL((u) => u.pathname === '/signup/sent'), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('메일을 확인해 주세요');
    const row = await e2e.db
      .selectFrom('readers')
      .select(['nickname', 'email_verified_at'])
      .where('email', '=', 'keyboard@example.kr')
      .executeTakeFirst();
    expect(row).toEqual({ nickname: '키보드', email_verified_at: null });
  });

  it('signs in with the keyboard alone, "remember me" ticked with space', async () => {
    const page = await e2e.open('/login');
    await page.focus('#login-email');
    await typeAndTab(page, 'keyboard@example.kr');
    expect(await focusedId(page)).toBe('login-password');
    await typeAndTab(page, PASSWORD);
    expect(await focusedId(page)).toBe('login-remember');
    await page.keyboard.press('Space');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.keyboard.press('Enter')]);
    const cookie = (await e2e.context.cookies()).find((c) => c.name === 'sosik_session');
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 86_400);
    expect(cookie?.httpOnly).toBe(true);
    await e2e.context.clearCookies();
  });

  it('a failed form announces its errors and ties each to its field', async () => {
    const page = await e2e.open('/signup');
    await page.fill('#signup-email', 'weak@example.kr');
    await page.fill('#signup-password', 'short');
    await page.fill('#signup-nickname', 'admin');
    await page.click('.reader-form button[type="submit"]');
    await page.waitForSelector('[role="alert"]');
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    await expect(page.locator('#signup-password').getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await page.locator('#signup-password').getAttribute('aria-describedby');
    expect(describedBy).toContain('signup-password-error');
    await expect(page.locator('#signup-password-error').textContent()).resolves.toContain('10자');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violation on reader pages (${scheme})`, async () => {
      const serious: string[] = [];
      const check = async (name: string, page: Page) => {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await runAxe(page);
        report[`${name}-${scheme}`] = violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        serious.push(...seriousViolations(`${name} (${scheme})`, violations));
      };
      for (const [name, path] of [
        ['signup', '/signup'],
        ['signup-en', '/signup?lang=en'],
        ['login', '/login'],
        ['password-reset', '/password-reset'],
        ['terms', '/terms'],
        ['privacy-en', '/privacy?lang=en'],
      ] as const) {
        const page = await e2e.open(path);
        await check(name, page);
        await page.close();
      }
      // Signed in: the account page and the deletion page.
      const page = await e2e.open('/login');
      await page.fill('#login-email', 'keyboard@example.kr');
      await page.fill('#login-password', PASSWORD);
      await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('.login-form button[type="submit"]')]);
      await page.goto(`${e2e.baseUrl}/account`);
      await check('account', page);
      await page.goto(`${e2e.baseUrl}/account/delete`);
      await check('account-delete', page);
      await page.goto(`${e2e.baseUrl}/account?lang=en`);
      await check('account-en', page);
      await page.close();
      await e2e.context.clearCookies();
      // An admin's list of readers.
      const admin = await e2e.open('/login');
      await admin.fill('#login-email', 'admin@sosik.example');
      await admin.fill('#login-password', STAFF_PASSWORD);
      await Promise.all([
        admin.waitForURL((u) => u.pathname === '/studio'),
        admin.click('.login-form button[type="submit"]'),
      ]);
      await admin.goto(`${e2e.baseUrl}/studio/readers`);
      await expect(admin.locator('.readers-admin tbody tr').count()).resolves.toBeGreaterThan(0);
      await check('studio-readers', admin);
      await admin.close();
      await e2e.context.clearCookies();
      expect(serious).toEqual([]);
    });
  }
});
