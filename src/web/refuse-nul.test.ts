// NUL characters in addresses and form fields (security probe finding 13, and the same class of
// bug found next to it): 400 NUL_CHARACTER on SQLite and PostgreSQL alike, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { postLogin } from '../../test/helpers/staff.ts';

describe.each(await testDialects())('NUL characters (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it.each([
    '/press/%00x',
    '/categories/%00x',
    '/search?q=a&press=%00',
    '/search?q=%00abc',
    '/api/v1/search?q=a%00b',
    '/issues/%00x',
  ])('GET %s answers 400 NUL_CHARACTER', async (url) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(400);
    if (url.startsWith('/api/')) expect(res.json().error.code).toBe('NUL_CHARACTER');
  });

  it('a sign-in e-mail with a NUL answers 400, not 500', async () => {
    const res = await postLogin(t.app, 'a\u0000@sosik.test', 'whatever');
    expect(res.statusCode).toBe(400);
  });

  it('ordinary pages and searches are untouched', async () => {
    expect((await t.app.inject('/search?q=%EC%A1%B0%EB%A0%A5')).statusCode).toBe(200);
    expect((await t.app.inject('/login')).statusCode).toBe(200);
  });
});
