// A signed-in reader over HTTP on SQLite and PostgreSQL: one /login for readers and staff,
// remember-me, /account changes, sessions that end when revoked, export and deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../accounts/index.ts';
import { sessionIdOf } from '../auth/sessions.ts';
import { NICKNAME_CHANGE_INTERVAL_MS } from './account.ts';
import { EXPORT_FORMAT } from './privacy.ts';
import { readerParticipation } from './reader.ts';
import {
  csrfOf,
  READER_PASSWORD,
  readerByEmail,
  readersTestApp,
  SAFARI_IPHONE,
  signInVia,
  signUpVia,
  TestBrowser,
  tokenFor,
} from './test-support.ts';

describe.each(await testDialects())('reader account (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await readersTestApp(dialect, { loginMaxPerAccount: 3 });
    await createUser(t.deps, { email: 'editor@sosik.test', password: 'correct horse battery', role: 'editor' });
  });
  afterAll(() => t.close());

  async function newReader(email: string, nickname: string, ip: string): Promise<{ id: number; browser: TestBrowser }> {
    expect((await signUpVia(new TestBrowser(t.app, ip), { email, nickname })).statusCode).toBe(303);
    const browser = new TestBrowser(t.app, ip);
    const res = await signInVia(browser, email);
    expect(res.statusCode).toBe(303);
    return { id: (await readerByEmail(t, email))!.id, browser };
  }

  it('one form signs in readers (to the front page) and staff (to the studio); wrong answers look alike', async () => {
    await newReader('yuna@example.kr', '유나', '10.50.0.1');
    const browser = new TestBrowser(t.app, '10.50.0.2');
    const reader = await signInVia(browser, 'yuna@example.kr');
    expect(reader.headers.location).toBe('/');
    // Signed in, the footer's sign-in link leads to the account, which leads to every reader page.
    expect((await browser.get('/login')).headers.location).toBe('/account');
    const account = (await browser.get('/account')).body;
    for (const href of ['/account/subscriptions', '/account/notifications', '/account/ranking'])
      expect(account).toContain(`<a href="${href}">`);
    const staff = await signInVia(new TestBrowser(t.app, '10.50.0.2'), 'editor@sosik.test', 'correct horse battery');
    expect(staff.headers.location).toBe('/studio');
    const wrongReader = await signInVia(
      new TestBrowser(t.app, '10.50.0.3'),
      'yuna@example.kr',
      'not the password at all',
    );
    const wrongStaff = await signInVia(
      new TestBrowser(t.app, '10.50.0.3'),
      'editor@sosik.test',
      'not the password at all',
    );
    const nobody = await signInVia(new TestBrowser(t.app, '10.50.0.3'), 'nobody@example.kr', 'not the password at all');
    for (const res of [wrongReader, wrongStaff, nobody]) expect(res.statusCode).toBe(401);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(wrongReader.body)).toBe(strip(nobody.body));
    expect(strip(wrongStaff.body)).toBe(strip(nobody.body));
  });

  it('"remember me" keeps the cookie for SOSIK_SESSION_DAYS; otherwise it ends with the browser', async () => {
    const kept = new TestBrowser(t.app, '10.50.1.1');
    await signInVia(kept, 'yuna@example.kr', READER_PASSWORD, true);
    expect(kept.cookies.get('sosik_session')!.header).toMatch(
      new RegExp(`Max-Age=${t.deps.config.sessionDays * 86400}`),
    );
    const row = await t.deps.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionIdOf(kept.session!))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ principal_kind: 'reader', persistent: 1 });
    const brief = new TestBrowser(t.app, '10.50.1.2');
    await signInVia(brief, 'yuna@example.kr');
    const cookie = brief.cookies.get('sosik_session')!.header;
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const briefRow = await t.deps.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionIdOf(brief.session!))
      .executeTakeFirstOrThrow();
    expect(briefRow.persistent).toBe(0);
  });

  it('rotates the session id at sign-in', async () => {
    const { browser } = await newReader('rotate@example.kr', '회전', '10.50.2.1');
    const first = browser.session!;
    // Signed in, /login redirects; a fresh form (as from another tab) posts with the old session cookie still sent.
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const csrf = /sosik_csrf=([^;]+)/.exec(String(page.headers['set-cookie']))![1]!;
    browser.cookies.set('sosik_csrf', { value: csrf, header: '' });
    await browser.post('/login', { _csrf: csrf, email: 'rotate@example.kr', password: READER_PASSWORD });
    expect(browser.session).not.toBe(first);
    expect(
      await t.deps.db.selectFrom('sessions').select('id').where('id', '=', sessionIdOf(first)).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('changes the nickname at most once per 30 days', async () => {
    const { id, browser } = await newReader('nick@example.kr', '첫이름', '10.50.3.1');
    const changed = await browser.submit('/account', '/account/nickname', { nickname: '두번째' });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account?notice=nickname');
    expect((await readerByEmail(t, 'nick@example.kr'))!.nickname).toBe('두번째');
    const soon = await browser.submit('/account', '/account/nickname', { nickname: '세번째' });
    expect(soon.statusCode).toBe(422);
    expect(soon.body).toContain('30일에 한 번');
    expect((await readerByEmail(t, 'nick@example.kr'))!.nickname).toBe('두번째');
    await t.deps.db
      .updateTable('readers')
      .set({ nickname_changed_at: Date.now() - NICKNAME_CHANGE_INTERVAL_MS - 1 })
      .where('id', '=', id)
      .execute();
    const taken = await browser.submit('/account', '/account/nickname', { nickname: '유나' });
    expect(taken.statusCode).toBe(422);
    expect((await browser.submit('/account', '/account/nickname', { nickname: '세번째' })).statusCode).toBe(303);
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const { id, browser } = await newReader('pw@example.kr', '비번', '10.50.4.1');
    const other = new TestBrowser(t.app, '10.50.4.2', SAFARI_IPHONE);
    await signInVia(other, 'pw@example.kr');
    const wrong = await browser.submit('/account', '/account/password', {
      current_password: 'wrong wrong wrong',
      password: 'a brand new passphrase',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('현재 비밀번호가 맞지 않습니다.');
    const before = browser.session;
    const ok = await browser.submit('/account', '/account/password', {
      current_password: READER_PASSWORD,
      password: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(303);
    expect(browser.session).not.toBe(before);
    expect((await browser.get('/account')).statusCode).toBe(200);
    expect((await other.get('/account')).statusCode).toBe(303);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('principal_kind', '=', 'reader')
      .where('principal_id', '=', id)
      .execute();
    expect(sessions).toHaveLength(1);
  });

  it('lists sessions with device and last use; a revoked session really ends; "sign out everywhere" ends all', async () => {
    const { browser } = await newReader('dev@example.kr', '기기', '10.50.5.1');
    const phone = new TestBrowser(t.app, '10.50.5.2', SAFARI_IPHONE);
    await signInVia(phone, 'dev@example.kr');
    const page = await browser.get('/account');
    expect(page.body).toContain('Chrome · Windows');
    expect(page.body).toContain('Safari · iOS');
    expect(page.body).toContain('(지금 이 기기)');
    const phoneId = sessionIdOf(phone.session!);
    expect(page.body).toContain(`value="${phoneId}"`);
    // Another reader's session id in the form ends nothing.
    const stranger = await newReader('str@example.kr', '남남', '10.50.5.3');
    await stranger.browser.submit('/account', '/account/sessions/revoke', { session: phoneId });
    expect((await phone.get('/account')).statusCode).toBe(200);
    const revoked = await browser.submit('/account', '/account/sessions/revoke', { session: phoneId });
    expect(revoked.statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(303);
    await signInVia(phone, 'dev@example.kr');
    const all = await browser.submit('/account', '/account/sessions/end-all', {});
    expect(all.headers.location).toBe('/login?notice=signed-out-everywhere');
    expect((await browser.get('/account')).statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(303);
  });

  it('saves language and time zone; refuses one that does not exist', async () => {
    const { id, browser } = await newReader('tz@example.kr', '시간대', '10.50.6.1');
    const ok = await browser.submit('/account', '/account/preferences', { locale: 'en', time_zone: 'Europe/Berlin' });
    expect(ok.statusCode).toBe(303);
    expect(
      await t.deps.db.selectFrom('readers').select(['locale', 'time_zone']).where('id', '=', id).executeTakeFirst(),
    ).toEqual({ locale: 'en', time_zone: 'Europe/Berlin' });
    const bad = await browser.submit('/account', '/account/preferences', { locale: 'fr', time_zone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(422);
    expect(
      await t.deps.db.selectFrom('readers').select(['locale', 'time_zone']).where('id', '=', id).executeTakeFirst(),
    ).toEqual({ locale: 'en', time_zone: 'Europe/Berlin' });
  });

  it('changes the e-mail only once the new address is proven', async () => {
    const { id, browser } = await newReader('old@example.kr', '옛주소', '10.50.7.1');
    const asked = await browser.submit('/account', '/account/email', {
      email: 'new@example.kr',
      current_password: READER_PASSWORD,
    });
    expect(asked.statusCode).toBe(303);
    expect(
      (await t.deps.db.selectFrom('readers').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email,
    ).toBe('old@example.kr');
    const pending = await t.deps.db
      .selectFrom('reader_tokens')
      .selectAll()
      .where('reader_id', '=', id)
      .where('email', '=', 'new@example.kr')
      .execute();
    expect(pending).toHaveLength(1);
    const token = await tokenFor(t, 'verify_email', id, 'new@example.kr');
    const page = await browser.get(`/verify-email?token=${token}`);
    expect((await browser.post('/verify-email', { _csrf: csrfOf(page.body), token })).headers.location).toBe(
      '/account?notice=email-verified',
    );
    const row = await t.deps.db.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.email).toBe('new@example.kr');
    expect(row.email_verified_at).not.toBeNull();
  });

  it('an unverified, suspended or too-new reader may not participate yet', () => {
    const base = { emailVerified: true, suspended: false, createdAt: Date.now() - 10 * 3_600_000 };
    expect(readerParticipation(base, { newAccountWaitHours: 0 })).toEqual({ ok: true });
    expect(readerParticipation({ ...base, emailVerified: false }, { newAccountWaitHours: 0 })).toMatchObject({
      ok: false,
      reason: 'unverified',
    });
    expect(readerParticipation({ ...base, suspended: true }, { newAccountWaitHours: 0 })).toMatchObject({
      ok: false,
      reason: 'suspended',
    });
    expect(readerParticipation(base, { newAccountWaitHours: 168 })).toMatchObject({ ok: false, reason: 'new_account' });
  });

  it('exports everything as JSON, and deletes the account after the password is confirmed', async () => {
    const { id, browser } = await newReader('bye@example.kr', '안녕', '10.50.8.1');
    const exported = await browser.get('/account/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="sosik-account-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = JSON.parse(exported.body);
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.readers.profile).toMatchObject({ email: 'bye@example.kr', nickname: '안녕', hasPassword: true });
    expect(data.readers.sessions).toHaveLength(1);
    expect(exported.body).not.toContain('scrypt$');

    const wrong = await browser.submit('/account/delete', '/account/delete', { current_password: 'not it, not it' });
    expect(wrong.statusCode).toBe(422);
    expect(await readerByEmail(t, 'bye@example.kr')).toBeDefined();
    const gone = await browser.submit('/account/delete', '/account/delete', { current_password: READER_PASSWORD });
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/login?notice=account-deleted');
    expect(await readerByEmail(t, 'bye@example.kr')).toBeUndefined();
    for (const table of ['reader_tokens', 'reader_identities'] as const) {
      expect(await t.deps.db.selectFrom(table).select('reader_id').where('reader_id', '=', id).execute()).toEqual([]);
    }
    expect(
      await t.deps.db
        .selectFrom('sessions')
        .select('id')
        .where('principal_kind', '=', 'reader')
        .where('principal_id', '=', id)
        .execute(),
    ).toEqual([]);
    expect((await browser.get('/account')).statusCode).toBe(303);
  });

  it('limits resending the verification link (3 an hour per address) with 429 on the account page', async () => {
    const { id, browser } = await newReader('resend@example.kr', '재전송', '10.50.10.1');
    for (let i = 0; i < 3; i++) {
      const res = await browser.submit('/account', '/account/verification', {});
      expect(res.headers.location).toBe('/account?notice=verification-sent');
    }
    const blocked = await browser.submit('/account', '/account/verification', {});
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.body).toContain('요청이 너무 많습니다');
    // The sign-up's link plus three resends, no more.
    const links = await t.deps.db
      .selectFrom('reader_tokens')
      .select('digest')
      .where('reader_id', '=', id)
      .where('purpose', '=', 'verify_email')
      .execute();
    expect(links).toHaveLength(4);
  });

  it('throttles failed reader sign-ins per account and source like staff ones, even with the right password after', async () => {
    await newReader('guess@example.kr', '추측', '10.50.11.1');
    const guesser = new TestBrowser(t.app, '10.50.11.2');
    for (let i = 0; i < 3; i++) {
      expect((await signInVia(guesser, 'guess@example.kr', `wrong guess ${i}xx`)).statusCode).toBe(401);
    }
    const blocked = await signInVia(guesser, 'guess@example.kr');
    expect(blocked.statusCode).toBe(429);
    expect(String(blocked.headers['set-cookie'] ?? '')).not.toContain('sosik_session=');
    // Whoever guessed cannot lock the owner out: from another source the right password works.
    const owner = await signInVia(new TestBrowser(t.app, '10.50.11.9'), 'guess@example.kr');
    expect(owner.statusCode).toBe(303);
  });

  it("account pages need a signed-in reader; their forms need the session's CSRF token", async () => {
    const anonymous = await new TestBrowser(t.app).get('/account');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Faccount');
    const { browser } = await newReader('csrf2@example.kr', '토큰', '10.50.9.1');
    const forged = await browser.post('/account/sessions/end-all', { _csrf: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(403);
    expect((await browser.get('/account')).statusCode).toBe(200);
  });
});
