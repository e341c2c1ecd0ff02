// Staff sign-in and sign-out over HTTP, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import { sessionIdOf } from '../auth/sessions.ts';
import {
  addStaff,
  form,
  hiddenCsrf,
  postLogin,
  sessionCsrf,
  setCookies,
  signIn,
  staffTestApp,
  TEST_PASSWORD,
  type StaffTestApp,
} from '../../test/helpers/staff.ts';

describe.each(await testDialects())('staff sign-in (%s)', (dialect) => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await staffTestApp(dialect, { loginMaxPerAccount: 3, loginMaxPerIp: 6 });
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
    await addStaff(t.deps, 'Editor@Sosik.test', 'editor');
  });
  afterAll(() => t.close());

  it('shows a localised sign-in form with a CSRF field and a double-submit cookie', async () => {
    const ko = await t.app.inject({ method: 'GET', url: '/login' });
    expect(ko.statusCode).toBe(200);
    expect(ko.body).toContain('<h1 id="login-title">로그인</h1>');
    const cookie = setCookies(ko).sosik_csrf;
    expect(cookie?.header).toMatch(/HttpOnly/);
    expect(hiddenCsrf(ko.body)).toBe(cookie?.value);
    const en = await t.app.inject({ method: 'GET', url: '/login?lang=en' });
    expect(en.body).toContain('<h1 id="login-title">Sign in</h1>');
  });

  it('signs in: HttpOnly SameSite=Lax session cookie whose sha256 is the stored session id', async () => {
    const res = await postLogin(t.app, 'admin@sosik.test', TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/studio');
    const session = setCookies(res).sosik_session!;
    expect(session.header).toMatch(/HttpOnly/);
    expect(session.header).toMatch(/SameSite=Lax/);
    expect(session.header).toMatch(/Path=\//);
    expect(session.header).not.toMatch(/Secure/); // plain http, secureCookies=auto
    const row = await t.deps.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionIdOf(session.value))
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect(
      await t.deps.db.selectFrom('sessions').select('id').where('id', '=', session.value).executeTakeFirst(),
    ).toBeUndefined();
    const studio = await t.app.inject({
      method: 'GET',
      url: '/studio',
      headers: { cookie: `sosik_session=${session.value}` },
    });
    expect(studio.statusCode).toBe(200);
  });

  it('e-mail matching ignores case', async () => {
    const res = await postLogin(t.app, 'editor@sosik.TEST', TEST_PASSWORD, { ip: '10.0.0.50' });
    expect(res.statusCode).toBe(303);
  });

  it('marks the cookie Secure behind TLS (trusted proxy) and when configured always', async () => {
    const tls = await staffTestApp('sqlite', { trustProxy: '1' });
    try {
      await addStaff(tls.deps, 'tls@sosik.test', 'admin');
      const page = await tls.app.inject({ method: 'GET', url: '/login', headers: { 'x-forwarded-proto': 'https' } });
      const csrf = setCookies(page).sosik_csrf!;
      expect(csrf.header).toMatch(/Secure/);
      const body = form({ _csrf: csrf.value, email: 'tls@sosik.test', password: TEST_PASSWORD });
      const res = await tls.app.inject({
        method: 'POST',
        url: '/login',
        payload: body.payload,
        headers: { ...body.headers, cookie: `sosik_csrf=${csrf.value}`, 'x-forwarded-proto': 'https' },
      });
      expect(setCookies(res).sosik_session?.header).toMatch(/Secure/);
    } finally {
      await tls.close();
    }
    const always = await staffTestApp('sqlite', { secureCookies: 'always' });
    try {
      const page = await always.app.inject({ method: 'GET', url: '/login' });
      expect(setCookies(page).sosik_csrf?.header).toMatch(/Secure/);
    } finally {
      await always.close();
    }
  });

  it('rotates the session at sign-in: the previous session is deleted', async () => {
    const first = await signIn(t.app, 'admin@sosik.test', { ip: '10.0.0.2' });
    const firstId = sessionIdOf(first.split('=')[1]!);
    const page = await t.app.inject({ method: 'GET', url: '/login?next=/x' }); // no session cookie: get a form
    const csrf = setCookies(page).sosik_csrf!.value;
    const body = form({ _csrf: csrf, email: 'admin@sosik.test', password: TEST_PASSWORD });
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: '10.0.0.2',
      payload: body.payload,
      headers: { ...body.headers, cookie: `${first}; sosik_csrf=${csrf}` },
    });
    expect(res.statusCode).toBe(303);
    const second = setCookies(res).sosik_session!.value;
    expect(`sosik_session=${second}`).not.toBe(first);
    expect(
      await t.deps.db.selectFrom('sessions').select('id').where('id', '=', firstId).executeTakeFirst(),
    ).toBeUndefined();
    const old = await t.app.inject({ method: 'GET', url: '/studio', headers: { cookie: first } });
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toMatch(/^\/login\?next=/);
  });

  it('wrong password and unknown user get the same generic 401 answer and no session', async () => {
    const wrong = await postLogin(t.app, 'admin@sosik.test', 'not the password', { ip: '10.0.0.3' });
    const unknown = await postLogin(t.app, 'nobody@sosik.test', 'not the password', { ip: '10.0.0.3' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('이메일 또는 비밀번호가 맞지 않습니다.');
      expect(setCookies(res).sosik_session).toBeUndefined();
    }
    // The e-mail is kept in the form, the password never echoed.
    expect(wrong.body).toContain('value="admin@sosik.test"');
    expect(wrong.body).not.toContain('not the password');
  });

  it('returns to the page that asked for sign-in', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login?next=%2Fstudio%2Fpresses%2Fhanbit%3Fpage%3D2' });
    expect(page.body).toContain('name="next" value="/studio/presses/hanbit?page=2"');
    const csrf = setCookies(page).sosik_csrf!.value;
    const body = form({
      _csrf: csrf,
      email: 'admin@sosik.test',
      password: TEST_PASSWORD,
      next: '/studio/presses/hanbit?page=2',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: '10.0.0.8',
      payload: body.payload,
      headers: { ...body.headers, cookie: `sosik_csrf=${csrf}` },
    });
    expect(res.headers.location).toBe('/studio/presses/hanbit?page=2');
  });

  it('does not redirect to another site after sign-in', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const csrf = setCookies(page).sosik_csrf!.value;
    const body = form({ _csrf: csrf, email: 'admin@sosik.test', password: TEST_PASSWORD, next: '//evil.example/' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: '10.0.0.9',
      payload: body.payload,
      headers: { ...body.headers, cookie: `sosik_csrf=${csrf}` },
    });
    expect(res.headers.location).toBe('/studio');
  });

  it('throttles one account from one source after loginMaxPerAccount failures (429 + Retry-After)', async () => {
    await addStaff(t.deps, 'target@sosik.test', 'editor');
    for (let i = 0; i < 3; i++) {
      const res = await postLogin(t.app, 'target@sosik.test', 'guess-' + i, { ip: '10.1.0.1' });
      expect(res.statusCode).toBe(401);
    }
    // Even the right password is refused from that source while throttled, so guessing gains nothing.
    const blocked = await postLogin(t.app, 'target@sosik.test', TEST_PASSWORD, { ip: '10.1.0.1' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Sliding window: the wait can reach into the next 15-minute window, never beyond it.
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(2 * 15 * 60);
    expect(blocked.body).toContain('로그인 시도가 너무 많습니다');
    expect(setCookies(blocked).sosik_session).toBeUndefined();
    // Other accounts are unaffected.
    expect((await postLogin(t.app, 'admin@sosik.test', TEST_PASSWORD, { ip: '10.1.0.98' })).statusCode).toBe(303);
  });

  it("does not let anyone lock the owner out: wrong passwords elsewhere leave the owner's source free", async () => {
    await addStaff(t.deps, 'victim@sosik.test', 'editor');
    for (let i = 0; i < 5; i++) {
      const res = await postLogin(t.app, 'victim@sosik.test', 'guess-' + i, { ip: '10.3.0.1' });
      expect(res.statusCode).toBe(i < 3 ? 401 : 429);
    }
    const owner = await postLogin(t.app, 'victim@sosik.test', TEST_PASSWORD, { ip: '10.3.0.2' });
    expect(owner.statusCode).toBe(303);
    expect(setCookies(owner).sosik_session).toBeDefined();
  });

  it('counts an IPv6 /64 as one source (rotating within it does not reset the count)', async () => {
    await addStaff(t.deps, 'v6@sosik.test', 'editor');
    for (let i = 0; i < 3; i++) {
      expect((await postLogin(t.app, 'v6@sosik.test', 'guess', { ip: `2001:db8:1:2::${i + 1}` })).statusCode).toBe(401);
    }
    expect((await postLogin(t.app, 'v6@sosik.test', TEST_PASSWORD, { ip: '2001:db8:1:2:ffff::9' })).statusCode).toBe(
      429,
    );
    expect((await postLogin(t.app, 'v6@sosik.test', TEST_PASSWORD, { ip: '2001:db8:1:3::1' })).statusCode).toBe(303);
  });

  it('throttles one IP after loginMaxPerIp failures across accounts', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 6; i++) {
      expect((await postLogin(t.app, `user${i}@sosik.test`, 'wrong password', { ip })).statusCode).toBe(401);
    }
    await addStaff(t.deps, 'office@sosik.test', 'editor');
    const blocked = await postLogin(t.app, 'office@sosik.test', TEST_PASSWORD, { ip });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const en = await t.app.inject({ method: 'GET', url: '/login?lang=en', remoteAddress: ip });
    const csrf = setCookies(en).sosik_csrf!.value;
    const body = form({ _csrf: csrf, email: 'office@sosik.test', password: TEST_PASSWORD });
    const enBlocked = await t.app.inject({
      method: 'POST',
      url: '/login?lang=en',
      remoteAddress: ip,
      payload: body.payload,
      headers: { ...body.headers, cookie: `sosik_csrf=${csrf}` },
    });
    expect(enBlocked.statusCode).toBe(429);
    expect(enBlocked.body).toContain('Too many sign-in attempts');
    // Another address is still served, and the refused attempts did not count against the account.
    expect((await postLogin(t.app, 'office@sosik.test', TEST_PASSWORD, { ip: '10.2.0.2' })).statusCode).toBe(303);
    const account = await t.deps.db
      .selectFrom('rate_buckets')
      .select('count')
      .where('key', '=', 'login:account:office@sosik.test')
      .executeTakeFirst();
    expect(Number(account?.count ?? 0)).toBe(0);
  });

  it('counts parallel guesses from one source atomically: exactly loginMaxPerAccount are checked', async () => {
    await addStaff(t.deps, 'parallel@sosik.test', 'editor');
    // The limit is a sliding estimate over two 15-minute windows; guesses that straddle a window's
    // edge are weighed against a previous-window count others are still writing. Counting is exact
    // within a window, which is what this test pins down, so it starts clear of an edge.
    await clearOfRateWindowEdge(15 * 60_000);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postLogin(t.app, 'parallel@sosik.test', `guess-${i}`, { ip: '10.4.0.1' })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(9);
  });

  it('successful sign-ins do not use up the failure budget', async () => {
    await addStaff(t.deps, 'often@sosik.test', 'editor');
    for (let i = 0; i < 5; i++)
      expect((await postLogin(t.app, 'often@sosik.test', TEST_PASSWORD, { ip: '10.3.0.1' })).statusCode).toBe(303);
  });

  it('rejects a sign-in post without the CSRF pair (403) and creates no session', async () => {
    const before = await t.deps.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const body = form({ email: 'admin@sosik.test', password: TEST_PASSWORD });
    const missing = await t.app.inject({ method: 'POST', url: '/login', payload: body.payload, headers: body.headers });
    expect(missing.statusCode).toBe(403);
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const csrf = setCookies(page).sosik_csrf!.value;
    const mismatched = form({ _csrf: 'x'.repeat(43), email: 'admin@sosik.test', password: TEST_PASSWORD });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: mismatched.payload,
      headers: { ...mismatched.headers, cookie: `sosik_csrf=${csrf}` },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = form({ _csrf: csrf, email: 'admin@sosik.test', password: TEST_PASSWORD });
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: ok.payload,
      headers: { ...ok.headers, cookie: `sosik_csrf=${csrf}`, origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    const after = await t.deps.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('logout deletes the session in the database and clears the cookie', async () => {
    await addStaff(t.deps, 'leaving@sosik.test', 'editor');
    const cookie = await signIn(t.app, 'leaving@sosik.test', { ip: '10.4.0.1' });
    const id = sessionIdOf(cookie.split('=')[1]!);
    const token = await sessionCsrf(t.app, cookie);
    // Without the token nothing happens.
    const refused = await t.app.inject({ method: 'POST', url: '/logout', headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined();
    const body = form({ _csrf: token });
    const res = await t.app.inject({
      method: 'POST',
      url: '/logout',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(res.statusCode).toBe(303);
    expect(setCookies(res).sosik_session?.header).toMatch(/Max-Age=0/);
    expect(await t.deps.db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    const after = await t.app.inject({ method: 'GET', url: '/studio', headers: { cookie } });
    expect(after.statusCode).toBe(303);
  });

  it('an expired session is not accepted', async () => {
    await addStaff(t.deps, 'expired@sosik.test', 'editor');
    const cookie = await signIn(t.app, 'expired@sosik.test', { ip: '10.5.0.1' });
    await t.deps.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', sessionIdOf(cookie.split('=')[1]!))
      .execute();
    const res = await t.app.inject({ method: 'GET', url: '/studio', headers: { cookie } });
    expect(res.statusCode).toBe(303);
  });

  it('a disabled account cannot sign in and its sessions stop working', async () => {
    const user = await addStaff(t.deps, 'leaver@sosik.test', 'editor');
    const cookie = await signIn(t.app, 'leaver@sosik.test', { ip: '10.6.0.1' });
    await t.deps.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/studio', headers: { cookie } })).statusCode).toBe(303);
    expect((await postLogin(t.app, 'leaver@sosik.test', TEST_PASSWORD, { ip: '10.6.0.1' })).statusCode).toBe(401);
  });
});

/** Waits until the next rate-limit window edge is at least 5 s away (at most 5 s of waiting). */
async function clearOfRateWindowEdge(windowMs: number): Promise<void> {
  const untilEdge = windowMs - (Date.now() % windowMs);
  if (untilEdge < 5000) await new Promise((resolve) => setTimeout(resolve, untilEdge + 100));
}
