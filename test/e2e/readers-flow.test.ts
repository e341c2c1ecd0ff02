// A reader's whole life in Chromium, with mail through a real SMTP server started by the test:
// sign up → the verification e-mail arrives → follow its link → sign in → change the nickname →
// export → delete; and a password reset through the e-mailed link.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { skipBrowser, startE2E, type E2E } from './harness.ts';

const PASSWORD = 'quiet harbour lanterns';
const NEW_PASSWORD = 'lanterns over the quiet bay';

describe.skipIf(skipBrowser)('a reader in Chromium, with mail', () => {
  let smtp: TestSmtpServer;
  let e2e: E2E;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    e2e = await startE2E({ config: { smtpUrl: smtp.url, mailFrom: '소식 <no-reply@sosik.test>' }, jobs: true });
  });
  afterAll(async () => {
    await e2e?.close();
    await smtp?.close();
  });

  /** The link in the newest message to `to` whose path is `path`, once the worker has delivered it. */
  async function linkIn(
    to: string,
    path: string,
    count: number,
  ): Promise<{ url: URL; mail: ReturnType<typeof parseComposedMail> }> {
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes(to)).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(count);
    const raw = smtp.received.filter((m) => m.to.includes(to)).at(-1)!.raw;
    const mail = parseComposedMail(raw);
    const href = new RegExp(`https?://[^\\s"<>]+${path.replace(/[/]/g, '\\/')}\\?token=[A-Za-z0-9_-]{43}`).exec(
      mail.text,
    )?.[0];
    if (!href) throw new Error(`no ${path} link in: ${mail.text}`);
    return { url: new URL(href), mail };
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${e2e.baseUrl}/login`);
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/login'),
      page.click('.login-form button[type="submit"]'),
    ]);
  }

  it('signs up, proves the address by e-mail, signs in, renames, exports and deletes the account', async () => {
    const email = 'hana@example.kr';
    const page = await e2e.open('/signup');
    await page.fill('#signup-email', email);
    await page.fill('#signup-password', PASSWORD);
    await page.fill('#signup-nickname', '하나');
    await page.check('#signup-terms');
    await page.check('#signup-privacy');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/signup/sent'),
      page.click('.reader-form button[type="submit"]'),
    ]);

    const { url, mail } = await linkIn(email, '/verify-email', 1);
    expect(mail.headers.get('subject')).toContain('이메일 주소를 확인해 주세요');
    expect(mail.headers.get('message-id')).toMatch(/^<[0-9a-f]{32}\.sosik@sosik\.test>$/);
    expect(mail.html).toContain('하나');
    expect(mail.html).toContain(url.pathname);
    await page.goto(url.href);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('main form button[type="submit"]')]);
    await expect(page.locator('.notice').textContent()).resolves.toContain('이메일 주소를 확인했습니다');

    await signIn(page, email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto(`${e2e.baseUrl}/account`);
    await expect(page.locator('.notice--error').count()).resolves.toBe(0); // verified: no "confirm your address" box
    await page.fill('#account-nickname', '하나둘');
    await Promise.all([
      page.waitForURL((u) => u.search.includes('notice=nickname')),
      page.click('form[action="/account/nickname"] button'),
    ]);
    await expect(page.locator('#account-nickname').inputValue()).resolves.toBe('하나둘');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/account/export"]')]);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(exported.readers.profile).toMatchObject({ email, nickname: '하나둘' });
    expect(exported.readers.profile.emailVerifiedAt).not.toBeNull();

    await page.goto(`${e2e.baseUrl}/account/delete`);
    await page.fill('#delete-password', PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('main form button[type="submit"]')]);
    await expect(page.locator('.notice').textContent()).resolves.toContain('계정을 삭제했습니다');
    expect(
      await e2e.db.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
    await e2e.context.clearCookies();
  });

  it('resets a forgotten password through the e-mailed link, once', async () => {
    const email = 'doyun@example.kr';
    const page = await e2e.open('/signup');
    await page.fill('#signup-email', email);
    await page.fill('#signup-password', PASSWORD);
    await page.fill('#signup-nickname', '도윤');
    await page.check('#signup-terms');
    await page.check('#signup-privacy');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/signup/sent'),
      page.click('.reader-form button[type="submit"]'),
    ]);
    await linkIn(email, '/verify-email', 1);

    await page.goto(`${e2e.baseUrl}/password-reset`);
    await page.fill('#reset-email', email);
    await page.click('main form button[type="submit"]');
    await page.waitForSelector('#reset-sent-title');
    const { url, mail } = await linkIn(email, '/password-reset/new', 2);
    expect(mail.headers.get('subject')).toContain('비밀번호 재설정');
    await page.goto(url.href);
    await page.fill('#new-password', NEW_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('main form button[type="submit"]')]);
    await signIn(page, email, NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    // The link is spent.
    await page.goto(url.href);
    await expect(page.locator('h1').textContent()).resolves.toBe('링크를 쓸 수 없습니다');
    await e2e.context.clearCookies();
  });
});
