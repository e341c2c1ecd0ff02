// Open redirects and off-site self-links (security probe finding 1): every redirect target and
// self-link is read the way a browser reads it (WHATWG URL, as Chromium does) and must stay here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import { safeRedirectPath, sameOriginPath, safeSelfLink } from './safe-path.ts';
import { addStaff, signIn, staffTestApp, type StaffTestApp } from '../../test/helpers/staff.ts';

const SITE = 'http://localhost:3000';
/** Where a browser on our page goes for this Location / href. */
const browserOrigin = (target: string) => new URL(target, SITE).origin;

// Values a signed-in Chromium followed off-site, and their relatives.
const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '//evil.example',
  '/\\evil.example',
  '/\t\\evil.example',
  '\\\\evil.example',
  '/\u0000/evil.example',
  '/\u00a0/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  '/..//evil.example',
  '/./\\evil.example',
  'evil.example',
];

describe('sameOriginPath', () => {
  it.each(HOSTILE)('refuses %j', (raw) => {
    expect(sameOriginPath(raw)).toBeUndefined();
    expect(browserOrigin(safeRedirectPath(raw, '/studio'))).toBe(SITE);
  });

  it('keeps ordinary paths, queries and Korean slugs as a browser would send them', () => {
    expect(sameOriginPath('/studio/presses/hanbit?page=2')).toBe('/studio/presses/hanbit?page=2');
    expect(sameOriginPath('/issues/반도체')).toBe('/issues/%EB%B0%98%EB%8F%84%EC%B2%B4');
    expect(safeSelfLink('//evil.example/x')).toBe('/');
  });
});

describe.each(await testDialects())('redirects and self-links over HTTP (%s)', (dialect) => {
  let t: StaffTestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await staffTestApp(dialect);
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
    cookie = await signIn(t.app, 'admin@sosik.test');
  });
  afterAll(() => t.close());

  it.each(['/%09/evil.example', '/%0a/evil.example', '%09//evil.example', '/%5Cevil.example', '/%09%5Cevil.example'])(
    'GET /login?next=%s for a signed-in user stays on the site',
    async (next) => {
      const res = await t.app.inject({ method: 'GET', url: `/login?next=${next}`, headers: { cookie } });
      expect(res.statusCode).toBe(303);
      expect(browserOrigin(String(res.headers.location))).toBe(SITE);
    },
  );

  it('the 404 page for //evil.example/x links its language switch to this site', async () => {
    const res = await t.app.inject({ method: 'GET', url: '//evil.example/x' });
    expect(res.statusCode).toBe(404);
    const hrefs = [...res.body.matchAll(/class="lang-switch" href="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    expect(hrefs.length).toBe(1);
    for (const href of hrefs) expect(browserOrigin(href)).toBe(SITE);
  });
});
