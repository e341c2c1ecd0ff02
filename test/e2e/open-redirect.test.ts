// Open redirects in a real browser (security probe finding 1): a signed-in Chromium given a
// hostile ?next= must stay on the site, and so must the language switch of a 404 page at
// "//evil.example/x". Requests to any other host are caught and recorded, never sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/accounts/users.ts';
import { skipBrowser, startE2E, type E2E } from './harness.ts';

const EMAIL = 'desk@sosik.example';

// As typed into the address bar (percent-escapes are the browser's way to carry tabs and such).
const HOSTILE_NEXT = [
  '/%09/evil.example',
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '%09//evil.example',
  '%20//evil.example',
  '//evil.example',
  '/%5Cevil.example',
  '/%09%5Cevil.example',
  '%5C%5Cevil.example',
  'https://evil.example/',
  'http:evil.example',
  '/..//evil.example',
  '/%2F/evil.example',
  'javascript:alert(1)',
];

describe.skipIf(skipBrowser)('redirects stay on the site in Chromium', () => {
  let e2e: E2E;
  const offSite: string[] = [];

  beforeAll(async () => {
    e2e = await startE2E();
    await createUser({ db: e2e.db }, { email: EMAIL, password: TEST_PASSWORD, role: 'editor' });
    const site = new URL(e2e.baseUrl).host;
    await e2e.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === site) return route.continue();
      offSite.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'off site' });
    });
    const page = await e2e.open('/login');
    await page.fill('#login-email', EMAIL);
    await page.fill('#login-password', TEST_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.click('.login-form button[type="submit"]'),
    ]);
    await page.close();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const onSite = (page: Page) => new URL(page.url()).origin === e2e.baseUrl;

  it.each(HOSTILE_NEXT)('a signed-in visit to /login?next=%s ends on this site', async (next) => {
    const before = offSite.length;
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.baseUrl}/login?next=${next}`, { waitUntil: 'load' });
    expect(onSite(page), page.url()).toBe(true);
    expect(offSite.slice(before)).toEqual([]);
    await page.close();
  });

  it('the language switch on the 404 page for //evil.example/x stays on this site', async () => {
    const before = offSite.length;
    const page = await e2e.context.newPage();
    const res = await page.goto(`${e2e.baseUrl}//evil.example/x`, { waitUntil: 'load' });
    expect(res?.status()).toBe(404);
    await Promise.all([page.waitForLoadState('load'), page.click('.lang-switch')]);
    expect(onSite(page), page.url()).toBe(true);
    expect(offSite.slice(before)).toEqual([]);
    await page.close();
  });
});
