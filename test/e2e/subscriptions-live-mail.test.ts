// In Chromium, against two real `sosik serve` processes on one PostgreSQL schema, with mail through
// a real SMTP server started by the test: a reader signs up (the e-mailed link proves the address),
// subscribes to a press from an article page on process A and finds it on My news; asks for its
// articles by e-mail; sees the live notice ("새 기사 1건") on My news when the press publishes
// through process B; gets the alert e-mail with RFC 8058 headers, whose one-click POST stops it;
// and, for the next alert, the link in the body does the same from the browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { testDialects } from '../helpers/databases.ts';
import {
  addPressProcess,
  type ServerProcess,
  sharedPgSchema,
  startServerProcess,
  serverProcessEnv,
} from '../helpers/server-process.ts';
import { freePort, launchChromium, skipBrowser } from './harness.ts';

const PASSWORD = 'quiet harbour lanterns';
const EMAIL = 'sohee@example.kr';
const onPostgres = (await testDialects()).includes('postgres');

describe.skipIf(skipBrowser || !onPostgres)('subscriptions in Chromium across processes, with mail', () => {
  let smtp: TestSmtpServer;
  let a: ServerProcess;
  let b: ServerProcess;
  let apiKey: string;
  let context: BrowserContext;
  let open: (pathname: string) => Promise<Page>;
  let pageProblems: string[];
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-chromium-'));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const { url } = await sharedPgSchema('e2elive');
    const env = serverProcessEnv(url, {
      SOSIK_SMTP_URL: smtp.url,
      SOSIK_MAIL_FROM: '소식 <no-reply@sosik.test>',
      SOSIK_PAGE_CACHE_SECONDS: '0',
    });
    apiKey = addPressProcess(env, 'e2e-live', '실시간일보');
    const port = await freePort();
    // A serves the reader and runs the jobs (alerts, mail); B only takes the press's articles.
    [a, b] = await Promise.all([startServerProcess(env, port), startServerProcess({ ...env, SOSIK_WORKERS: '0' })]);
    ({ context, open, pageProblems } = await launchChromium(profile, a.url));
  }, 120_000);
  afterAll(async () => {
    await context?.close().catch(() => {});
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  async function publish(uri: string, headline: string): Promise<number> {
    const res = await fetch(`${b.url}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uri, type: 'text', headline, body_text: `${headline}. 본문입니다.` }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  /** The `count`-th message to the reader whose subject contains `subject`, once delivered. */
  async function mailAbout(subject: string) {
    const matching = () =>
      smtp.received
        .filter((m) => m.to.includes(EMAIL))
        .map((m) => parseComposedMail(m.raw))
        .filter((m) => (m.headers.get('subject') ?? '').includes(subject));
    await expect.poll(() => matching().length, { timeout: 30_000 }).toBe(1);
    return matching()[0]!;
  }

  async function setDelivery(page: Page, delivery: 'immediate' | 'none'): Promise<void> {
    await page.goto(`${a.url}/account/subscriptions`);
    const row = page.locator('tr[data-subscription]').first();
    await row.locator('select[name="delivery"]').selectOption(delivery);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/account/subscriptions'),
      row.locator('form[action$="/delivery"] button[type="submit"]').click(),
    ]);
  }

  const deliveryShown = async (page: Page) => {
    await page.goto(`${a.url}/account/subscriptions`);
    return page.locator('tr[data-subscription] select[name="delivery"]').first().inputValue();
  };

  it('subscribes, reads My news, gets the live notice and the e-mail, and unsubscribes in one click', {
    timeout: 180_000,
  }, async () => {
    const first = await publish('urn:e2e-live:1', '실시간일보 첫 기사');

    const page = await open('/signup');
    await page.fill('#signup-email', EMAIL);
    await page.fill('#signup-password', PASSWORD);
    await page.fill('#signup-nickname', '소희');
    await page.check('#signup-terms');
    await page.check('#signup-privacy');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/signup/sent'),
      page.click('.reader-form button[type="submit"]'),
    ]);
    const verify = await mailAbout('이메일 주소를 확인해 주세요');
    const verifyUrl = /https?:\/\/[^\s"<>]+\/verify-email\?token=[A-Za-z0-9_-]{43}/.exec(verify.text)?.[0];
    expect(verifyUrl).toBeDefined();
    await page.goto(verifyUrl!);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('main form button[type="submit"]')]);
    await page.fill('#login-email', EMAIL);
    await page.fill('#login-password', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/login'),
      page.click('.login-form button[type="submit"]'),
    ]);

    // Subscribe from the article page; My news shows the press's article.
    await page.goto(`${a.url}/articles/${first}`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/articles/${first}`),
      page.click('.press-promo form[data-follow="press"] button[type="submit"]'),
    ]);
    await expect(page.locator('.press-promo .button--subscribed').count()).resolves.toBe(1);
    await page.goto(`${a.url}/my`);
    await expect(page.locator('.my-news').textContent()).resolves.toContain('실시간일보 첫 기사');
    await setDelivery(page, 'immediate');

    // My news open on A; the press publishes through B: the notice appears without a reload.
    await page.goto(`${a.url}/my`);
    await expect(page.locator('.live-notice__link').isHidden()).resolves.toBe(true);
    await publish('urn:e2e-live:2', '다른 프로세스로 들어온 속보');
    await page.locator('.live-notice__link').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('.live-notice__text').textContent()).resolves.toBe('새 기사 1건');
    await page.click('.live-notice__link');
    await page.locator('.my-news', { hasText: '다른 프로세스로 들어온 속보' }).waitFor();

    // The alert, with RFC 8058 one-click headers; a mail client's POST stops the e-mail.
    const alert = await mailAbout('다른 프로세스로 들어온 속보');
    expect(alert.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<(http:\/\/127\.0\.0\.1:\d+\/subscriptions\/unsubscribe\/[\w.-]+)>$/.exec(
      alert.headers.get('list-unsubscribe') ?? '',
    )?.[1];
    expect(oneClick).toBeDefined();
    expect(alert.text).toContain(oneClick);
    const clicked = await fetch(oneClick!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    await expect(deliveryShown(page)).resolves.toBe('none');

    // Again by e-mail; this time the reader follows the link in the body and presses its button.
    await setDelivery(page, 'immediate');
    await publish('urn:e2e-live:3', '메일 본문 링크로 끊을 기사');
    const second = await mailAbout('메일 본문 링크로 끊을 기사');
    const bodyLink = /http:\/\/127\.0\.0\.1:\d+\/subscriptions\/unsubscribe\/[\w.-]+/.exec(second.text)?.[0];
    expect(bodyLink).toBeDefined();
    await page.goto(bodyLink!);
    await page.click('main form button[type="submit"]');
    await page.locator('[data-unsubscribed="true"]').waitFor();
    await expect(deliveryShown(page)).resolves.toBe('none');
    // The subscription still fills My news; only its e-mail is gone.
    await page.goto(`${a.url}/my`);
    await expect(page.locator('.my-news').textContent()).resolves.toContain('메일 본문 링크로 끊을 기사');
    expect(pageProblems).toEqual([]);
  });
});
