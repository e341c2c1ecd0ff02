// OIDC sign-in through Sosik's routes against a real provider (oidc-provider on 127.0.0.1), on
// SQLite and PostgreSQL: a first sign-in creates a verified reader, the next finds it again,
// unverified addresses create nothing, and an unproven look-alike account is not handed over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import { oidcSettings } from './oidc-settings.ts';
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from './oidc-test-provider.ts';
import { readerByEmail, readersTestApp, signInVia, signUpVia, TestBrowser } from './test-support.ts';

let provider: TestOidcProvider;
beforeAll(async () => {
  provider = await startTestOidcProvider({
    minji: { email: 'minji@idp.example', email_verified: true, name: '박민지' },
    taken: { email: 'squatted@idp.example', email_verified: true, name: 'Owner' },
    unverified: { email: 'someone@idp.example', email_verified: false, name: 'Someone' },
  });
});
afterAll(() => provider?.close());

describe.each(await testDialects())('OIDC sign-in routes (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The provider's registered redirect URI is http://127.0.0.1:9/readers/oidc/callback.
    t = await readersTestApp(
      dialect,
      { publicUrl: new URL(provider.redirectUri).origin },
      {
        oidc: oidcSettings({
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          name: '테스트ID',
          allowHttpLoopback: true,
        }),
      },
    );
  });
  afterAll(() => t?.close());

  async function signInWithProvider(browser: TestBrowser, login: string) {
    const start = await browser.get('/readers/oidc/start');
    expect(start.statusCode).toBe(303);
    expect(browser.cookies.get('sosik_oidc')!.header).toMatch(/HttpOnly/);
    const callback = await signInAtProvider(new URL(start.headers.location as string), login);
    return browser.get(`${callback.pathname}${callback.search}`);
  }

  it('the sign-in page offers the provider', async () => {
    const page = await new TestBrowser(t.app).get('/login');
    expect(page.body).toContain('href="/readers/oidc/start"');
    expect(page.body).toContain('테스트ID 계정으로 로그인');
  });

  it('a first sign-in creates a reader with a verified address; the next one finds the same reader', async () => {
    const browser = new TestBrowser(t.app, '10.60.0.1');
    const done = await signInWithProvider(browser, 'minji');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    expect(browser.cookies.has('sosik_oidc')).toBe(false);
    const row = await readerByEmail(t, 'minji@idp.example');
    expect(row).toMatchObject({ nickname: '박민지', password_hash: null });
    expect(row!.email_verified_at).not.toBeNull();
    expect((await browser.get('/account')).statusCode).toBe(200);

    const again = new TestBrowser(t.app, '10.60.0.2');
    expect((await signInWithProvider(again, 'minji')).statusCode).toBe(303);
    const readers = await t.deps.db
      .selectFrom('readers')
      .select('id')
      .where('email', '=', 'minji@idp.example')
      .execute();
    expect(readers).toEqual([{ id: row!.id }]);
    const identities = await t.deps.db
      .selectFrom('reader_identities')
      .selectAll()
      .where('reader_id', '=', row!.id)
      .execute();
    expect(identities).toMatchObject([{ issuer: provider.issuer, subject: 'minji' }]);
  });

  it('an address the provider has not verified creates nothing and says why', async () => {
    const res = await signInWithProvider(new TestBrowser(t.app, '10.60.1.1'), 'unverified');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('테스트ID');
    expect(await readerByEmail(t, 'someone@idp.example')).toBeUndefined();
  });

  it('a callback without the state cookie is refused', async () => {
    const browser = new TestBrowser(t.app, '10.60.2.1');
    const start = await browser.get('/readers/oidc/start');
    const callback = await signInAtProvider(new URL(start.headers.location as string), 'minji');
    const res = await new TestBrowser(t.app, '10.60.2.2').get(`${callback.pathname}${callback.search}`);
    expect(res.statusCode).toBe(400);
  });

  it("an unproven account registered with the address loses its password and sessions to the provider's user", async () => {
    const squatter = new TestBrowser(t.app, '10.60.3.1');
    await signUpVia(squatter, { email: 'squatted@idp.example', nickname: '선점' });
    expect((await signInVia(squatter, 'squatted@idp.example')).statusCode).toBe(303);
    const owner = new TestBrowser(t.app, '10.60.3.2');
    expect((await signInWithProvider(owner, 'taken')).statusCode).toBe(303);
    const row = await readerByEmail(t, 'squatted@idp.example');
    expect(row!.password_hash).toBeNull();
    expect(row!.email_verified_at).not.toBeNull();
    expect((await squatter.get('/account')).statusCode).toBe(303);
    expect((await signInVia(new TestBrowser(t.app, '10.60.3.3'), 'squatted@idp.example')).statusCode).toBe(401);
  });
});
