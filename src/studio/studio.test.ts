// The studio over HTTP: who may see what, and admins' press management, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { AppDeps } from '../deps.ts';
import { findPressByApiKey } from '../press/index.ts';
import { addStaff, form, sessionCsrf, signIn, staffTestApp, type StaffTestApp } from '../../test/helpers/staff.ts';

async function addPress(deps: AppDeps, slug: string, name: string): Promise<number> {
  const row = await deps.db
    .insertInto('presses')
    .values({
      slug,
      name,
      name_en: null,
      homepage: null,
      description: null,
      description_en: null,
      copyright: null,
      api_key_hash: `hash-${slug}`,
      api_key_prefix: `sosik_${slug.slice(0, 3)}`,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An article with `revisions` stored revisions, the last one optionally a withdrawal. */
async function addArticle(
  deps: AppDeps,
  pressId: number,
  headline: string,
  revisions: number,
  withdrawn = false,
): Promise<number> {
  const now = Date.now();
  const { id } = await deps.db
    .insertInto('articles')
    .values({
      press_id: pressId,
      uri: `urn:test:${headline}`,
      headline,
      subheadline: null,
      series: null,
      body_html: '<p>본문</p>',
      body_text: '본문',
      summary: '본문',
      lang: 'ko',
      bylines: '[]',
      keywords: '[]',
      copyright: null,
      link: null,
      status: withdrawn ? 'withdrawn' : 'usable',
      source: 'api',
      revision: revisions,
      first_created_at: now,
      updated_at: now,
      received_at: now,
      withdrawn_at: withdrawn ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let r = 1; r <= revisions; r++) {
    const pubstatus = withdrawn && r === revisions ? 'canceled' : 'usable';
    await deps.db
      .insertInto('article_revisions')
      .values({
        article_id: id,
        revision: r,
        received_at: now + r,
        source: 'api',
        pubstatus,
        original: JSON.stringify({
          uri: `urn:test:${headline}`,
          headline,
          version: String(r),
          pubstatus,
          marker: `<script>rev-${r}</script>`,
        }),
        normalized: '{}',
      })
      .execute();
  }
  return id;
}

describe.each(await testDialects())('studio (%s)', (dialect) => {
  let t: StaffTestApp;
  let articleA: number;
  let articleB: number;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await staffTestApp(dialect);
    const pressA = await addPress(t.deps, 'hanbit', '한빛일보');
    const pressB = await addPress(t.deps, 'dalbit', '달빛신문');
    articleA = await addArticle(t.deps, pressA, '한빛 기사', 3, true);
    articleB = await addArticle(t.deps, pressB, '달빛 기사', 1);
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
    await addStaff(t.deps, 'editor@sosik.test', 'editor');
    await addStaff(t.deps, 'a@hanbit.test', 'press', 'hanbit');
    await addStaff(t.deps, 'b@dalbit.test', 'press', 'dalbit');
    for (const email of ['admin@sosik.test', 'editor@sosik.test', 'a@hanbit.test', 'b@dalbit.test']) {
      cookies[email] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('sends anonymous visitors of every studio page to the sign-in page, and refuses anonymous posts', async () => {
    for (const url of ['/studio', '/studio/presses/hanbit', `/studio/articles/${articleA}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    for (const url of ['/studio/presses', '/studio/presses/hanbit/rotate-key']) {
      const body = form({ slug: 'new-press', name: '새 언론' });
      const res = await t.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
      expect(res.statusCode, url).toBe(401);
    }
    expect(
      await t.deps.db.selectFrom('presses').select('id').where('slug', '=', 'new-press').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('shows press staff their own articles with status and revision count', async () => {
    const res = await get('/studio', cookies['a@hanbit.test']);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('한빛 기사');
    expect(res.body).toContain('철회됨');
    expect(res.body).toMatch(/<td>3<\/td>/);
    expect(res.body).toContain(`href="/articles/${articleA}"`);
    expect(res.body).not.toContain('달빛 기사');
    // No admin controls for press staff.
    expect(res.body).not.toContain('rotate-key');
  });

  it('frames studio pages like the site: category menu, staff bar with the feed panel, footer back to the studio', async () => {
    const res = await get('/studio', cookies['a@hanbit.test']);
    expect(res.body).toMatch(/<nav class="category-nav"[\s\S]*href="\/categories\/economy"/);
    expect(res.body).toContain('<a href="/studio" aria-current="page">기사 목록</a>');
    expect(res.body).toContain('href="/studio/feeds"');
    expect(res.body).toContain('<a class="site-footer__link" href="/studio">');
    // Editors cannot open the feed panel, so their bar does not offer it.
    const editor = await get('/studio', cookies['editor@sosik.test']);
    expect(editor.body).not.toContain('href="/studio/feeds"');
    const revisions = await get(`/studio/articles/${articleA}`, cookies['a@hanbit.test']);
    expect(revisions.body).toContain('기사 전송 API');
    // The reader's words only: no raw "usable"/"canceled" beside them on a Korean page.
    expect(revisions.body).toContain('<dd>취소(철회)</dd>');
    expect(revisions.body).toContain('<dd>게재</dd>');
    expect(revisions.body).not.toMatch(/<dd>[^<]*<code>(usable|canceled)<\/code>/);
  });

  it("shows an article's revisions with pubstatus and the original payload as escaped, pretty JSON", async () => {
    const res = await get(`/studio/articles/${articleA}`, cookies['a@hanbit.test']);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('3판');
    expect(res.body).toContain('canceled');
    expect(res.body).toMatch(/<pre[^>]*><code>\{\n {2}&quot;uri&quot;: &quot;urn:test:한빛 기사&quot;/);
    expect(res.body).toContain('&lt;script>rev-2&lt;/script>');
    expect(res.body).not.toContain('<script>rev-2');
  });

  it("keeps press A's staff out of press B's articles and list", async () => {
    expect((await get(`/studio/articles/${articleB}`, cookies['a@hanbit.test'])).statusCode).toBe(403);
    expect((await get('/studio/presses/dalbit', cookies['a@hanbit.test'])).statusCode).toBe(403);
    expect((await get(`/studio/articles/${articleA}`, cookies['b@dalbit.test'])).statusCode).toBe(403);
    expect((await get(`/studio/articles/${articleB}`, cookies['b@dalbit.test'])).statusCode).toBe(200);
    expect((await get('/studio/articles/999999', cookies['b@dalbit.test'])).statusCode).toBe(404);
  });

  it('shows admins and editors every press; only admins get the management forms', async () => {
    const admin = await get('/studio', cookies['admin@sosik.test']);
    expect(admin.body).toContain('한빛일보');
    expect(admin.body).toContain('달빛신문');
    expect(admin.body).toContain('action="/studio/presses"');
    const editor = await get('/studio', cookies['editor@sosik.test']);
    expect(editor.statusCode).toBe(200);
    expect(editor.body).toContain('달빛신문');
    expect(editor.body).not.toContain('action="/studio/presses"');
    expect((await get(`/studio/articles/${articleB}`, cookies['editor@sosik.test'])).statusCode).toBe(200);
    const adminPress = await get('/studio/presses/dalbit', cookies['admin@sosik.test']);
    expect(adminPress.body).toContain('/studio/presses/dalbit/rotate-key');
  });

  it('warns admins (only) that links say localhost while the server listens beyond loopback', async () => {
    // staffTestApp: SOSIK_PUBLIC_URL http://localhost:3000, HOST 0.0.0.0 (the default).
    const admin = await get('/studio', cookies['admin@sosik.test']);
    expect(admin.body).toContain('id="public-url-warning"');
    expect(admin.body).toContain('http://localhost:3000');
    expect((await get('/studio', cookies['editor@sosik.test'])).body).not.toContain('public-url-warning');
  });

  it('refuses admin actions to editors and press staff (403), changing nothing', async () => {
    for (const email of ['editor@sosik.test', 'a@hanbit.test']) {
      const cookie = cookies[email]!;
      const token = await sessionCsrf(t.app, cookie);
      const create = form({ _csrf: token, slug: 'sneaky', name: '몰래' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/studio/presses',
        payload: create.payload,
        headers: { ...create.headers, cookie },
      });
      expect(res.statusCode, email).toBe(403);
      const rotate = form({ _csrf: token });
      const res2 = await t.app.inject({
        method: 'POST',
        url: '/studio/presses/hanbit/rotate-key',
        payload: rotate.payload,
        headers: { ...rotate.headers, cookie },
      });
      expect(res2.statusCode, email).toBe(403);
    }
    expect(
      await t.deps.db.selectFrom('presses').select('id').where('slug', '=', 'sneaky').executeTakeFirst(),
    ).toBeUndefined();
    const hanbit = await t.deps.db
      .selectFrom('presses')
      .select('api_key_hash')
      .where('slug', '=', 'hanbit')
      .executeTakeFirstOrThrow();
    expect(hanbit.api_key_hash).toBe('hash-hanbit');
  });

  it('rejects admin posts with a missing or wrong CSRF token (403), changing nothing', async () => {
    const cookie = cookies['admin@sosik.test']!;
    const other = await sessionCsrf(t.app, cookies['editor@sosik.test']!);
    for (const token of [undefined, 'x'.repeat(43), other]) {
      const create = form({ ...(token ? { _csrf: token } : {}), slug: 'forged', name: '위조' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/studio/presses',
        payload: create.payload,
        headers: { ...create.headers, cookie },
      });
      expect(res.statusCode).toBe(403);
      const rotate = form(token ? { _csrf: token } : {});
      const res2 = await t.app.inject({
        method: 'POST',
        url: '/studio/presses/dalbit/rotate-key',
        payload: rotate.payload,
        headers: { ...rotate.headers, cookie },
      });
      expect(res2.statusCode).toBe(403);
    }
    expect(
      await t.deps.db.selectFrom('presses').select('id').where('slug', '=', 'forged').executeTakeFirst(),
    ).toBeUndefined();
    const dalbit = await t.deps.db
      .selectFrom('presses')
      .select('api_key_hash')
      .where('slug', '=', 'dalbit')
      .executeTakeFirstOrThrow();
    expect(dalbit.api_key_hash).toBe('hash-dalbit');
  });

  it('lets an admin create a press and rotate its key, showing each key once', async () => {
    const cookie = cookies['admin@sosik.test']!;
    const token = await sessionCsrf(t.app, cookie);
    const create = form({ _csrf: token, slug: 'saebyeok', name: '새벽뉴스', nameEn: 'Saebyeok News' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/studio/presses',
      payload: create.payload,
      headers: { ...create.headers, cookie },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const key = /class="api-key">([^<]+)</.exec(res.body)?.[1];
    expect(key).toMatch(/^sosik_/);
    expect((await findPressByApiKey(t.deps, key!))?.slug).toBe('saebyeok');

    const rotate = form({ _csrf: token });
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/saebyeok/rotate-key',
      payload: rotate.payload,
      headers: { ...rotate.headers, cookie },
    });
    expect(res2.statusCode).toBe(200);
    const newKey = /class="api-key">([^<]+)</.exec(res2.body)?.[1];
    expect(newKey).toMatch(/^sosik_/);
    expect(newKey).not.toBe(key);
    expect(await findPressByApiKey(t.deps, key!)).toBeUndefined();
    expect((await findPressByApiKey(t.deps, newKey!))?.slug).toBe('saebyeok');
    // The list shows only the prefix afterwards.
    const list = await get('/studio', cookie);
    expect(list.body).toContain('새벽뉴스');
    expect(list.body).not.toContain(newKey!);
  });

  it('answers a taken slug with a clear 409 and no second press', async () => {
    const cookie = cookies['admin@sosik.test']!;
    const token = await sessionCsrf(t.app, cookie);
    const create = form({ _csrf: token, slug: 'hanbit', name: '또 한빛' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/studio/presses',
      payload: create.payload,
      headers: { ...create.headers, cookie },
    });
    expect(res.statusCode).toBe(409);
    // The form comes back filled in, with the reason in the reader's language.
    expect(res.body).toContain('이미 다른 언론사가 쓰고 있습니다');
    expect(res.body).toContain('value="또 한빛"');
    expect(res.body).toMatch(/id="press-slug"[^>]*aria-invalid="true"[^>]*value="hanbit"/);
    const bad = form({ _csrf: token, slug: 'Bad Slug', name: '나쁜 주소' });
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/studio/presses',
      payload: bad.payload,
      headers: { ...bad.headers, cookie },
    });
    expect(res2.statusCode).toBe(422);
    expect(res2.body).toContain('영문 소문자, 숫자, 하이픈으로만');
    expect(
      await t.deps.db.selectFrom('presses').select('id').where('name', '=', '나쁜 주소').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('studio public URL warning', () => {
  it('is not shown when the server only listens on loopback', async () => {
    const t = await staffTestApp('sqlite', { host: '127.0.0.1' });
    try {
      await addStaff(t.deps, 'admin@sosik.test', 'admin');
      const res = await t.app.inject({
        method: 'GET',
        url: '/studio',
        headers: { cookie: await signIn(t.app, 'admin@sosik.test') },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('public-url-warning');
    } finally {
      await t.close();
    }
  });
});
