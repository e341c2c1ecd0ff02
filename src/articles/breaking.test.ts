// 속보 (breaking news) on SQLite and PostgreSQL: ninjs urgency 1–2 through the press API, or a
// staff flag in the studio (CSRF form), puts the article in the banner of every page for an hour;
// a withdrawal takes it out at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { storyHtml } from '../../test/helpers/newsroom.ts';
import { addStaff, form, sessionCsrf, signIn } from '../../test/helpers/staff.ts';
import { createPress } from '../press/index.ts';

const bannerOf = (html: string) => /<aside class="breaking"[\s\S]*?<\/aside>/.exec(html)?.[0];

describe.each(await testDialects())('breaking news on %s', (dialect) => {
  let t: TestApp;
  let key: string;

  const post = (item: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ type: 'text', language: 'ko', body_html: storyHtml(), ...item }),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    ({ apiKey: key } = await createPress(t.deps, { slug: 'haeon-ilbo', name: '해온일보' }));
  });
  afterAll(async () => t?.close());

  it('shows no banner while nothing is breaking, nor for an ordinary urgency', async () => {
    expect((await post({ uri: 'urn:b:0', headline: '평범한 기사', urgency: 5 })).statusCode).toBe(201);
    expect(bannerOf((await t.app.inject('/')).body)).toBeUndefined();
  });

  it('puts an urgency-1 article in the banner of every page, with the dismiss island', async () => {
    const res = await post({ uri: 'urn:b:1', headline: '해온만 방조제 수문 긴급 개방', urgency: 1 });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: number };
    const row = await t.deps.db
      .selectFrom('articles')
      .select(['urgency', 'breaking_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.urgency).toBe(1);
    expect(row.breaking_at).not.toBeNull();
    // Kept with the revision: the press gets it back as it sent it.
    const back = await t.app.inject({ url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${key}` } });
    expect(back.json()).toMatchObject({ urgency: 1 });
    for (const url of ['/', `/articles/${id}`, '/categories/economy', '/search?q=수문', '/no-such-page']) {
      const html = (await t.app.inject(url)).body;
      const banner = bannerOf(html);
      expect(banner, url).toContain(`data-breaking-id="${id}"`);
      expect(banner).toContain(`<a class="breaking__link" href="/articles/${id}">해온만 방조제 수문 긴급 개방</a>`);
      expect(banner).toContain('>속보</strong>');
      // Without JavaScript there is nothing to press: the close button appears with the island.
      expect(banner).toMatch(
        /<button type="button" class="breaking__close" data-breaking-dismiss="true" hidden aria-label="속보 알림 닫기">/,
      );
      expect(html).toMatch(/<script type="module" src="\/static\/js\/breaking-banner\.js[^"]*"><\/script>/);
    }
  });

  it('refuses an urgency outside 1–9 with the field path', async () => {
    for (const urgency of [0, 10, '1', 1.5]) {
      const res = await post({ uri: 'urn:b:bad', headline: '잘못된 긴급도', urgency });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('urgency');
    }
  });

  it('does not put an urgent article first published hours ago in the banner', async () => {
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const res = await post({
      uri: 'urn:b:old',
      headline: '세 시간 전 속보',
      urgency: 1,
      firstcreated: old,
      versioncreated: old,
    });
    expect(res.statusCode).toBe(201);
    expect(bannerOf((await t.app.inject('/')).body)).not.toContain('세 시간 전 속보');
  });

  it('takes a withdrawn breaking article out of the banner at once', async () => {
    const res = await post({ uri: 'urn:b:2', headline: '곧 내릴 속보', urgency: 2 });
    const { id } = res.json() as { id: number };
    expect(bannerOf((await t.app.inject('/')).body)).toContain(`data-breaking-id="${id}"`);
    expect(
      (await post({ uri: 'urn:b:2', headline: '곧 내릴 속보', urgency: 2, pubstatus: 'canceled' })).statusCode,
    ).toBe(200);
    expect(bannerOf((await t.app.inject('/')).body)).not.toContain(`data-breaking-id="${id}"`);
  });

  it('lets press staff flag and unflag an article as 속보 in the studio, with CSRF', async () => {
    const res = await post({ uri: 'urn:b:3', headline: '스튜디오에서 정한 속보' });
    const { id } = res.json() as { id: number };
    await addStaff(t.deps, 'desk@haeon.example', 'press', 'haeon-ilbo');
    const cookie = await signIn(t.app, 'desk@haeon.example');
    const page = await t.app.inject({ url: `/studio/articles/${id}`, headers: { cookie } });
    expect(page.body).toContain(`action="/studio/articles/${id}/breaking"`);
    expect(page.body).toContain('속보로 표시</button>');

    const noToken = await t.app.inject({
      method: 'POST',
      url: `/studio/articles/${id}/breaking`,
      payload: form({ breaking: 'on' }).payload,
      headers: { ...form({}).headers, cookie },
    });
    expect(noToken.statusCode).toBe(403);

    const csrf = await sessionCsrf(t.app, cookie);
    const send = (fields: Record<string, string>) => {
      const f = form({ _csrf: csrf, ...fields });
      return t.app.inject({
        method: 'POST',
        url: `/studio/articles/${id}/breaking`,
        payload: f.payload,
        headers: { ...f.headers, cookie },
      });
    };
    expect((await send({ breaking: 'maybe' })).statusCode).toBe(422);
    const on = await send({ breaking: 'on' });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe(`/studio/articles/${id}`);
    expect(bannerOf((await t.app.inject('/')).body)).toContain(`data-breaking-id="${id}"`);
    expect((await t.app.inject({ url: `/studio/articles/${id}`, headers: { cookie } })).body).toContain(
      '속보 표시 해제</button>',
    );

    expect((await send({ breaking: 'off' })).statusCode).toBe(303);
    expect(bannerOf((await t.app.inject('/')).body) ?? '').not.toContain(`data-breaking-id="${id}"`);
  });

  it('refuses another press’s staff', async () => {
    await createPress(t.deps, { slug: 'valley-news', name: '골짜기뉴스' });
    const res = await post({ uri: 'urn:b:4', headline: '남의 기사' });
    const { id } = res.json() as { id: number };
    await addStaff(t.deps, 'desk@valley.example', 'press', 'valley-news');
    const cookie = await signIn(t.app, 'desk@valley.example');
    const csrf = await sessionCsrf(t.app, cookie);
    const f = form({ _csrf: csrf, breaking: 'on' });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/studio/articles/${id}/breaking`,
      payload: f.payload,
      headers: { ...f.headers, cookie },
    });
    expect(refused.statusCode).toBe(403);
  });
});
