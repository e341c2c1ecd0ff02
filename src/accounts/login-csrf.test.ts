// Login CSRF (security probe finding 2): a double-submit pair the client made up must not sign
// anyone in; only tokens Sosik issued (HMAC under the server secret) pass.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import { ANONYMOUS_TOKEN_MS, issueAnonymousToken } from '../auth/anonymous-csrf.ts';
import {
  form,
  hiddenCsrf,
  postLogin,
  setCookies,
  staffTestApp,
  addStaff,
  TEST_PASSWORD,
  type StaffTestApp,
} from '../../test/helpers/staff.ts';

const madeUp = () => crypto.randomBytes(32).toString('base64url');

describe.each(await testDialects())('anonymous CSRF tokens (%s)', (dialect) => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await staffTestApp(dialect);
    await addStaff(t.deps, 'attacker@sosik.test', 'editor');
  });
  afterAll(() => t.close());

  async function postWith(token: string) {
    const body = form({ _csrf: token, email: 'attacker@sosik.test', password: TEST_PASSWORD, next: '/studio' });
    return t.app.inject({
      method: 'POST',
      url: '/login',
      payload: body.payload,
      headers: { ...body.headers, cookie: `sosik_csrf=${token}` },
    });
  }

  it.each([
    ['a made-up value in cookie and field', () => madeUp()],
    ['a made-up value shaped like ours', () => `${madeUp()}.${Date.now().toString(36)}.${madeUp()}`],
  ])('refuses %s (403, no session)', async (_name, token) => {
    const res = await postWith(token());
    expect(res.statusCode).toBe(403);
    expect(setCookies(res).sosik_session).toBeUndefined();
  });

  it('refuses an issued nonce with its MAC changed', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const [nonce, issuedAt] = hiddenCsrf(page.body).split('.');
    const res = await postWith(`${nonce}.${issuedAt}.${madeUp()}`);
    expect(res.statusCode).toBe(403);
  });

  it('refuses an issued token past its lifetime (a token fetched once cannot be planted forever)', async () => {
    const old = await issueAnonymousToken(t.deps, Date.now() - ANONYMOUS_TOKEN_MS - 60_000);
    expect((await postWith(old)).statusCode).toBe(403);
    const fresh = await issueAnonymousToken(t.deps);
    expect((await postWith(fresh)).statusCode).toBe(303);
  });

  it('replaces a planted cookie with an issued token on the sign-in page', async () => {
    const planted = madeUp();
    const page = await t.app.inject({ method: 'GET', url: '/login', headers: { cookie: `sosik_csrf=${planted}` } });
    const issued = setCookies(page).sosik_csrf?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect(hiddenCsrf(page.body)).toBe(issued);
  });

  it('still signs in with the token the sign-in page issued', async () => {
    const res = await postLogin(t.app, 'attacker@sosik.test', TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(setCookies(res).sosik_session).toBeDefined();
  });

  it('a token issued by another installation (another secret) does not pass here', async () => {
    const other = await staffTestApp(dialect);
    try {
      const page = await other.app.inject({ method: 'GET', url: '/login' });
      const foreign = hiddenCsrf(page.body);
      expect((await postWith(foreign)).statusCode).toBe(403);
    } finally {
      await other.close();
    }
  });
});
