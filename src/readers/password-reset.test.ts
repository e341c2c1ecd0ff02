// Password reset and e-mail verification links over HTTP on SQLite and PostgreSQL: one answer for
// registered and unknown addresses, links that work once and expire, a reset that ends every
// session, and the limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import { TOKEN_TTL_MS } from './tokens.ts';
import {
  csrfOf,
  READER_PASSWORD,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
  tokenFor,
} from './test-support.ts';

const NEW_PASSWORD = 'lanterns over the quiet bay';

describe.each(await testDialects())('reader links (%s)', (dialect) => {
  let t: TestApp;
  let readerId: number;
  beforeAll(async () => {
    t = await readersTestApp(dialect);
    await signUpVia(new TestBrowser(t.app, '10.40.0.1'), { email: 'seoyeon@example.kr', nickname: '서연' });
    readerId = (await readerByEmail(t, 'seoyeon@example.kr'))!.id;
  });
  afterAll(() => t.close());

  async function askReset(email: string, ip = '10.40.1.1') {
    return new TestBrowser(t.app, ip).submit('/password-reset', '/password-reset', { email });
  }

  it('answers a reset request for a registered and an unknown address with the same status and bytes', async () => {
    const known = await askReset('seoyeon@example.kr');
    const unknown = await askReset('nobody@example.kr');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect(known.body).toContain('30분');
    // The look-up happens after the answer, in a job: only the registered address gets a link.
    expect(
      await t.deps.db.selectFrom('reader_tokens').select('reader_id').where('purpose', '=', 'reset_password').execute(),
    ).toEqual([]);
    await t.runJobs();
    const resets = await t.deps.db
      .selectFrom('reader_tokens')
      .select('reader_id')
      .where('purpose', '=', 'reset_password')
      .execute();
    expect(resets.map((r) => r.reader_id)).toEqual([readerId]);
    const bad = await askReset('not an address');
    expect(bad.statusCode).toBe(422);
  });

  it('a reset link opens a form without being spent, sets the password once, and ends every session', async () => {
    const phone = new TestBrowser(t.app, '10.40.2.1');
    const laptop = new TestBrowser(t.app, '10.40.2.2');
    expect((await signInVia(phone, 'seoyeon@example.kr')).statusCode).toBe(303);
    expect((await signInVia(laptop, 'seoyeon@example.kr')).statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(200);

    const token = await tokenFor(t, 'reset_password', readerId);
    const stranger = new TestBrowser(t.app, '10.40.2.3');
    const form = await stranger.get(`/password-reset/new?token=${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${token}"`);
    // A weak password changes nothing and keeps the link usable.
    const weak = await stranger.post('/password-reset/new', {
      _csrf: csrfOf(form.body),
      token,
      password: 'seoyeon1234',
    });
    expect(weak.statusCode).toBe(422);
    const done = await stranger.post('/password-reset/new', {
      _csrf: csrfOf(form.body),
      token,
      password: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/login?notice=password-reset');

    // Both earlier sessions are gone, from the table and in effect.
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('principal_kind', '=', 'reader')
      .where('principal_id', '=', readerId)
      .execute();
    expect(sessions).toEqual([]);
    expect((await phone.get('/account')).statusCode).toBe(303);
    expect((await laptop.get('/account')).statusCode).toBe(303);

    // Single use: the same link again is refused, and so is the old password.
    const again = await stranger.post('/password-reset/new', {
      _csrf: csrfOf(form.body),
      token,
      password: 'another fine long phrase',
    });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('이미 사용한 링크입니다.');
    expect(
      (await signInVia(new TestBrowser(t.app, '10.40.2.4'), 'seoyeon@example.kr', READER_PASSWORD)).statusCode,
    ).toBe(401);
    expect((await signInVia(new TestBrowser(t.app, '10.40.2.4'), 'seoyeon@example.kr', NEW_PASSWORD)).statusCode).toBe(
      303,
    );
  });

  it('a reset link expires after 30 minutes; a made-up one is not found', async () => {
    const old = await tokenFor(t, 'reset_password', readerId, null, Date.now() - TOKEN_TTL_MS.reset_password - 1000);
    const browser = new TestBrowser(t.app, '10.40.3.1');
    const expired = await browser.get(`/password-reset/new?token=${old}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('링크의 유효 시간이 지났습니다.');
    const madeUp = await browser.get(`/password-reset/new?token=${'A'.repeat(43)}`);
    expect(madeUp.statusCode).toBe(404);
    // A verification link is no reset link.
    const verify = await tokenFor(t, 'verify_email', readerId, 'seoyeon@example.kr');
    expect((await browser.get(`/password-reset/new?token=${verify}`)).statusCode).toBe(404);
  });

  it('limits reset requests per address (3 an hour) whatever the IP, for unknown addresses too', async () => {
    for (const email of ['limit@example.kr', 'ghost@example.kr']) {
      for (let i = 0; i < 3; i++) expect((await askReset(email, `10.41.${i}.1`)).statusCode).toBe(200);
      const blocked = await askReset(email, '10.41.9.1');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
    }
  });

  it('a verification link proves the address once; opening it spends nothing', async () => {
    await signUpVia(new TestBrowser(t.app, '10.40.4.9'), { email: 'jiwoo@example.kr', nickname: '지우' });
    const jiwoo = (await readerByEmail(t, 'jiwoo@example.kr'))!.id;
    const token = await tokenFor(t, 'verify_email', jiwoo, 'jiwoo@example.kr');
    const browser = new TestBrowser(t.app, '10.40.4.1');
    const page = await browser.get(`/verify-email?token=${token}`);
    expect(page.statusCode).toBe(200);
    expect((await readerByEmail(t, 'jiwoo@example.kr'))!.email_verified_at).toBeNull();
    const done = await browser.post('/verify-email', { _csrf: csrfOf(page.body), token });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/login?notice=email-verified');
    expect((await readerByEmail(t, 'jiwoo@example.kr'))!.email_verified_at).not.toBeNull();
    const again = await browser.post('/verify-email', { _csrf: csrfOf(page.body), token });
    expect(again.statusCode).toBe(410);
    const expired = await tokenFor(
      t,
      'verify_email',
      jiwoo,
      'jiwoo@example.kr',
      Date.now() - TOKEN_TTL_MS.verify_email - 1,
    );
    expect((await browser.post('/verify-email', { _csrf: csrfOf(page.body), token: expired })).statusCode).toBe(410);
  });

  it('two requests presenting one link at once: exactly one wins', async () => {
    const token = await tokenFor(t, 'verify_email', readerId, 'seoyeon@example.kr');
    const browser = new TestBrowser(t.app, '10.40.5.1');
    const page = await browser.get(`/verify-email?token=${token}`);
    // (seoyeon is verified already by the reset; a second proof is still a single spend.)
    const results = await Promise.all(
      [1, 2, 3].map(() => browser.post('/verify-email', { _csrf: csrfOf(page.body), token })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 410, 410]);
  });
});
