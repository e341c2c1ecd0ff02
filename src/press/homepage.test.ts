// A press homepage is shown as a link, so only absolute http(s) addresses are stored, as the
// studio's message says (security probe finding 14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import { addStaff, form, sessionCsrf, signIn, staffTestApp, type StaffTestApp } from '../../test/helpers/staff.ts';
import { createPress } from './keys.ts';

describe.each(await testDialects())('press homepage (%s)', (dialect) => {
  let t: StaffTestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await staffTestApp(dialect);
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
    cookie = await signIn(t.app, 'admin@sosik.test');
  });
  afterAll(() => t.close());

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    '\u2028javascript:alert(1)',
    'data:text/html,x',
    '/relative',
    'press.example',
  ])('the studio refuses %j with the form and its message, storing nothing', async (homepage) => {
    const slug = `hp-${Math.random().toString(36).slice(2, 8)}`;
    const token = await sessionCsrf(t.app, cookie);
    const body = form({ _csrf: token, slug, name: '홈페이지일보', homepage });
    const res = await t.app.inject({
      method: 'POST',
      url: '/studio/presses',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('http');
    expect(
      await t.deps.db.selectFrom('presses').select('id').where('slug', '=', slug).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('createPress (CLI and studio) refuses it too, and keeps an https homepage', async () => {
    await expect(
      createPress(t.deps, { slug: 'cli-js', name: '씨엘아이', homepage: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({
      status: 422,
      details: [{ path: 'homepage' }],
    });
    const { press } = await createPress(t.deps, {
      slug: 'cli-ok',
      name: '씨엘아이',
      homepage: 'https://press.example/',
    });
    expect(press.homepage).toBe('https://press.example/');
  });
});
