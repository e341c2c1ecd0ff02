// In Chromium: a reader subscribes to a press from an article page (a plain form, no script
// needed) and finds that press's articles on My news.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowser, startE2E, type E2E } from './harness.ts';

const PASSWORD = 'quiet harbour lanterns';

describe.skipIf(skipBrowser)('subscribing in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ jobs: true });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('subscribes from an article and sees it on My news', async () => {
    const page = await e2e.open('/signup');
    await page.fill('#signup-email', 'follow@example.kr');
    await page.fill('#signup-password', PASSWORD);
    await page.fill('#signup-nickname', '구독자');
    await page.check('#signup-terms');
    await page.check('#signup-privacy');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/signup/sent'),
      page.click('.reader-form button[type="submit"]'),
    ]);
    await page.goto(`${e2e.baseUrl}/login`);
    await page.fill('#login-email', 'follow@example.kr');
    await page.fill('#login-password', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/login'),
      page.click('.login-form button[type="submit"]'),
    ]);

    const article = await e2e.db
      .selectFrom('articles')
      .innerJoin('presses', 'presses.id', 'articles.press_id')
      .select(['articles.id', 'articles.headline', 'presses.name'])
      .where('articles.status', '=', 'usable')
      .orderBy('articles.first_created_at', 'desc')
      .executeTakeFirstOrThrow();
    await page.goto(`${e2e.baseUrl}/articles/${article.id}`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/articles/${article.id}`),
      page.click('.press-promo form[data-follow="press"] button[type="submit"]'),
    ]);
    await expect(page.locator('.press-promo .button--subscribed').count()).resolves.toBe(1);

    await page.goto(`${e2e.baseUrl}/my`);
    await expect(page.locator('.my-news').textContent()).resolves.toContain(article.headline);
    await expect(page.locator('.my-news__via').first().textContent()).resolves.toContain(article.name);
  });
});
