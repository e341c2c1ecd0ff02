// Sign-up over HTTP on SQLite and PostgreSQL: what is stored, what is refused (and that a refusal
// writes nothing), that the answer does not tell registered from new addresses, and the limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import { verifyPassword } from '../auth/password.ts';
import { readerByEmail, readersTestApp, signUpFields, signUpVia, TestBrowser } from './test-support.ts';

describe.each(await testDialects())('reader sign-up (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await readersTestApp(dialect);
    await t.deps.db
      .insertInto('presses')
      .values({ slug: 'haeon', name: '해온일보', name_en: 'Haeon Daily', created_at: Date.now() } as never)
      .execute();
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('readers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('shows a form with labelled fields, consent boxes linking the terms and privacy notice, and a CSRF field', async () => {
    const page = await new TestBrowser(t.app).get('/signup');
    expect(page.statusCode).toBe(200);
    for (const id of ['signup-email', 'signup-password', 'signup-nickname', 'signup-terms', 'signup-privacy']) {
      expect(page.body).toContain(`for="${id}"`);
    }
    expect(page.body).toContain('href="/terms"');
    expect(page.body).toContain('href="/privacy"');
    expect(page.body).toContain('name="_csrf"');
  });

  it('serves the terms and the privacy notice in Korean and English, indexable', async () => {
    const browser = new TestBrowser(t.app);
    const terms = await browser.get('/terms');
    expect(terms.statusCode).toBe(200);
    expect(terms.body).toContain('<h1 id="legal-title">이용약관</h1>');
    expect(terms.body).not.toContain('noindex');
    const privacy = await browser.get('/privacy?lang=en');
    expect(privacy.body).toContain('<h1 id="legal-title">Privacy notice</h1>');
    expect(privacy.body).toContain('scrypt');
  });

  it('creates an unverified reader with an scrypt hash and a pending verification link, then says "check your inbox"', async () => {
    const res = await signUpVia(new TestBrowser(t.app, '10.30.0.1'), { email: 'Minji@Example.KR', nickname: '민지' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signup/sent');
    const row = await readerByEmail(t, 'minji@example.kr');
    expect(row).toMatchObject({ nickname: '민지', nickname_key: '민지', email_verified_at: null, locale: 'ko' });
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('quiet harbour lanterns', row!.password_hash!)).toBe(true);
    const tokens = await t.deps.db.selectFrom('reader_tokens').selectAll().where('reader_id', '=', row!.id).execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'verify_email', email: 'minji@example.kr', used_at: null });
    expect(tokens[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bad input with 422, every failing field named on the form, and writes nothing', async () => {
    const before = await count();
    const browser = new TestBrowser(t.app, '10.30.0.2');
    const res = await browser.submit('/signup', '/signup', {
      email: 'not-an-address',
      password: 'short',
      nickname: 'admin',
      terms: '1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('올바른 이메일 주소를 입력해 주세요.');
    const weak = await browser.submit('/signup', '/signup', {
      email: 'weak@example.kr',
      password: 'short',
      nickname: 'admin',
      privacy: '1',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('비밀번호는 10자 이상이어야 합니다.');
    expect(weak.body).toContain('id="signup-nickname-error"');
    expect(weak.body).toContain('이용약관과 개인정보 처리방침에 모두 동의해야');
    // What the visitor typed is kept, the password never echoed.
    expect(weak.body).toContain('value="weak@example.kr"');
    expect(weak.body).not.toContain('value="short"');
    const common = await browser.submit(
      '/signup',
      '/signup',
      signUpFields({ email: 'common@example.kr', nickname: '평범', password: 'password123' }),
    );
    expect(common.statusCode).toBe(422);
    const pressLike = await browser.submit(
      '/signup',
      '/signup',
      signUpFields({ email: 'press@example.kr', nickname: '해온일보' }),
    );
    expect(pressLike.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('refuses a nickname taken ignoring case and width', async () => {
    await signUpVia(new TestBrowser(t.app, '10.30.0.3'), { email: 'haneul@example.kr', nickname: 'Haneul' });
    const again = await signUpVia(new TestBrowser(t.app, '10.30.0.3'), {
      email: 'other@example.kr',
      nickname: 'ｈａｎｅｕｌ',
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('이미 쓰이고 있는 닉네임입니다.');
    expect(await readerByEmail(t, 'other@example.kr')).toBeUndefined();
  });

  it('answers a registered address exactly like a new one, and leaves the account alone', async () => {
    const first = await readerByEmail(t, 'minji@example.kr');
    const registered = await signUpVia(new TestBrowser(t.app, '10.30.0.4'), {
      email: 'minji@example.kr',
      nickname: '다른이름',
    });
    const fresh = await signUpVia(new TestBrowser(t.app, '10.30.0.4'), {
      email: 'fresh@example.kr',
      nickname: '새얼굴',
    });
    expect(registered.statusCode).toBe(fresh.statusCode);
    expect(registered.headers.location).toBe(fresh.headers.location);
    expect(registered.body).toBe(fresh.body);
    const after = await readerByEmail(t, 'minji@example.kr');
    expect(after).toEqual(first);
    const sent = await new TestBrowser(t.app).get(registered.headers.location as string);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('메일을 확인해 주세요');
  });

  it('limits sign-ups per address (3 an hour) with 429 and Retry-After, whatever the IP', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await signUpVia(new TestBrowser(t.app, `10.31.0.${i}`), {
        email: 'flood@example.kr',
        nickname: `홍수${i}`,
      });
      expect(res.statusCode).toBe(303);
    }
    const blocked = await signUpVia(new TestBrowser(t.app, '10.31.0.9'), {
      email: 'flood@example.kr',
      nickname: '홍수9',
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('요청이 너무 많습니다');
  });

  it('a double-submitted sign-up makes one account and answers both alike', async () => {
    const browser = new TestBrowser(t.app, '10.32.0.1');
    const page = await browser.get('/signup');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const fields = { _csrf: csrf, ...signUpFields({ email: 'twice@example.kr', nickname: '두번' }) };
    const [a, b] = await Promise.all([browser.post('/signup', fields), browser.post('/signup', fields)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    const rows = await t.deps.db.selectFrom('readers').select('id').where('email', '=', 'twice@example.kr').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a sign-up post without the CSRF pair', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/signup',
      payload: new URLSearchParams(signUpFields({ email: 'csrf@example.kr', nickname: '위조' })).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect(await readerByEmail(t, 'csrf@example.kr')).toBeUndefined();
  });
});
