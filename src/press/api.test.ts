import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { sharedData } from '../../test/helpers/shared-data.ts';
import { createPress } from './keys.ts';

const NINJS_EXAMPLES = sharedData('spec/ninjs/examples');

function item(overrides: Record<string, unknown> = {}) {
  return {
    uri: 'urn:test:1',
    type: 'text',
    language: 'ko',
    versioncreated: '2026-11-27T09:00:00Z',
    firstcreated: '2026-11-27T08:00:00Z',
    pubstatus: 'usable',
    headlines: [{ role: 'main', value: '해온시 조력발전소 가동' }],
    slugline: '이슈 따라잡기',
    by: '김하늘 기자 haneul@press.example',
    bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>첫 문단.</p><h3>무슨 의미야</h3><p>둘째 문단.</p>' }],
    subjects: [{ code: 'economy' }, { name: 'IT/과학' }],
    associations: [
      {
        type: 'picture',
        descriptions: [{ role: 'caption', value: '방조제 전경' }],
        by: '사진=한빛일보',
        renditions: [{ name: 'original', href: 'https://img.press.example/a.jpg', width: 1200, height: 800 }],
      },
    ],
    copyrightnotice: 'ⓒ 테스트일보',
    ...overrides,
  };
}

describe.each(await testDialects())('press API on %s', (dialect) => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  const auth = () => ({ authorization: `Bearer ${key}` });
  const post = (body: unknown, headers: Record<string, string> = auth()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (table: 'articles' | 'article_revisions' | 'jobs') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    key = (await createPress(t.deps, { slug: 'test-daily', name: '테스트일보' })).apiKey;
    otherKey = (await createPress(t.deps, { slug: 'other-news', name: '다른뉴스' })).apiKey;
  });
  afterAll(() => t.close());

  it('creates an article from ninjs 2.x: 201 with id and url, categories, photo, byline, jobs enqueued', async () => {
    const res = await post(item());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.url).toBe(`http://sosik.test/articles/${body.id}`);
    expect(res.headers.location).toBe(body.url);
    const a = await t.deps.db.selectFrom('articles').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(a.headline).toBe('해온시 조력발전소 가동');
    expect(a.series).toBe('이슈 따라잡기');
    expect(JSON.parse(a.bylines)).toEqual([{ name: '김하늘 기자', email: 'haneul@press.example' }]);
    expect(a.body_html).toContain('<h3>무슨 의미야</h3>');
    const cats = await t.deps.db
      .selectFrom('article_categories')
      .innerJoin('categories', 'categories.id', 'category_id')
      .select('slug')
      .where('article_id', '=', body.id)
      .execute();
    expect(cats.map((c) => c.slug).sort()).toEqual(['economy', 'it-science']);
    const photos = await t.deps.db.selectFrom('article_photos').selectAll().where('article_id', '=', body.id).execute();
    expect(photos).toMatchObject([
      { url: 'https://img.press.example/a.jpg', caption: '방조제 전경', credit: '사진=한빛일보', width: 1200 },
    ]);
    const jobs = await t.deps.db
      .selectFrom('jobs')
      .select('kind')
      .where('payload', '=', JSON.stringify({ articleId: body.id }))
      .execute();
    expect(jobs.map((j) => j.kind).sort()).toEqual([
      'issues.assign',
      'reporters.link',
      'search.index',
      'subscriptions.alert',
      'summary.compute',
    ]);
  });

  it('the same uri again is an update kept as a new revision; identical content is not', async () => {
    const first = (await post(item({ uri: 'urn:test:rev' }))).json();
    const same = await post(item({ uri: 'urn:test:rev' }));
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ id: first.id, revision: 1, changed: false });
    const updated = await post(
      item({
        uri: 'urn:test:rev',
        versioncreated: '2026-11-27T10:30:00Z',
        headlines: [{ role: 'main', value: '정정된 제목' }],
      }),
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: first.id, revision: 2, changed: true });
    const row = await t.deps.db.selectFrom('articles').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.headline).toBe('정정된 제목');
    expect(row.updated_at).toBe(Date.parse('2026-11-27T10:30:00Z'));
    expect(row.first_created_at).toBe(Date.parse('2026-11-27T08:00:00Z'));
    const revs = await t.deps.db
      .selectFrom('article_revisions')
      .select('revision')
      .where('article_id', '=', first.id)
      .execute();
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
  });

  it('accepts ninjs 3.x camelCase', async () => {
    const res = await post({
      uri: 'urn:test:v3',
      type: 'text',
      versionCreated: '2026-11-27T09:00:00Z',
      pubStatus: 'usable',
      headlines: [{ role: 'main', value: 'Camel case works' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: 'First paragraph.\n\nSecond paragraph.' }],
      copyrightNotice: '© Test',
      language: 'en',
    });
    expect(res.statusCode).toBe(201);
    const a = await t.deps.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(a.body_html).toBe('<p>First paragraph.</p>\n<p>Second paragraph.</p>');
    expect(a.copyright).toBe('© Test');
    expect(a.lang).toBe('en');
  });

  it('withdraws an article when pubstatus is canceled', async () => {
    const { id } = (await post(item({ uri: 'urn:test:wd' }))).json();
    const res = await post(item({ uri: 'urn:test:wd', pubstatus: 'canceled', versioncreated: '2026-11-27T11:00:00Z' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    const row = await t.deps.db
      .selectFrom('articles')
      .select(['status', 'withdrawn_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    expect(row.withdrawn_at).not.toBeNull();
    const page = await t.app.inject(`/articles/${id}`);
    expect(page.statusCode).toBe(410);
  });

  it('sanitises press HTML with an allow-list and keeps the original for audit', async () => {
    const evil =
      '<p onclick="steal()">안녕<script>alert(1)</script><a href="javascript:alert(1)">링크</a>' +
      '<img src="data:image/png;base64,xx"><img src="https://ok.example/p.jpg" onerror="x()"></p>' +
      '<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form><style>p{}</style>';
    const res = await post(item({ uri: 'urn:test:xss', bodies: [{ contenttype: 'text/html', value: evil }] }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const a = await t.deps.db.selectFrom('articles').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
    for (const bad of [
      '<script',
      'onclick',
      'onerror',
      'javascript:',
      '<iframe',
      '<form',
      '<input',
      'data:image',
      '<style',
    ]) {
      expect(a.body_html).not.toContain(bad);
    }
    expect(a.body_html).toContain('src="https://ok.example/p.jpg"');
    const rev = await t.deps.db
      .selectFrom('article_revisions')
      .select('original')
      .where('article_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(rev.original).bodies[0].value).toBe(evil);
  });

  it('reads an article back as ninjs 2.x, and refuses other presses (403)', async () => {
    const { id } = (await post(item({ uri: 'urn:test:get' }))).json();
    const res = await t.app.inject({ url: `/api/v1/articles/${id}`, headers: auth() });
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n).toMatchObject({
      uri: 'urn:test:get',
      type: 'text',
      pubstatus: 'usable',
      language: 'ko',
      slugline: '이슈 따라잡기',
    });
    expect(n.headlines[0]).toEqual({ role: 'main', value: '해온시 조력발전소 가동' });
    expect(n.subjects.map((s: { literal: string }) => s.literal).sort()).toEqual(['economy', 'it-science']);
    expect(n.associations.picture1.renditions.original.href).toBe('https://img.press.example/a.jpg');
    const other = await t.app.inject({
      url: `/api/v1/articles/${id}`,
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ url: '/api/v1/articles/999999', headers: auth() })).statusCode).toBe(404);
  });

  describe('bad input: clear 4xx, stable code, nothing half-written', () => {
    it('401 without a key or with an invalid one', async () => {
      const before = await count('articles');
      const none = await post(item({ uri: 'urn:test:401' }), {});
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe('UNAUTHORIZED');
      const wrong = await post(item({ uri: 'urn:test:401' }), { authorization: 'Bearer sosik_not-a-real-key' });
      expect(wrong.statusCode).toBe(401);
      expect(await count('articles')).toBe(before);
    });

    it('400 on malformed JSON', async () => {
      const res = await post('{"uri": "x", ');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('MALFORMED_JSON');
    });

    it('422 with field paths on schema violations', async () => {
      const before = [await count('articles'), await count('article_revisions'), await count('jobs')];
      const res = await post(item({ uri: 'urn:test:422', versioncreated: 'yesterday', headlines: 'not a list' }));
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.map((d: { path: string }) => d.path).sort()).toEqual(['headlines', 'versioncreated']);
      const noHeadline = await post(item({ uri: 'urn:test:422b', headlines: [] }));
      expect(noHeadline.statusCode).toBe(422);
      expect(noHeadline.json().error.details[0].path).toBe('headlines');
      const badStatus = await post(item({ uri: 'urn:test:422c', pubstatus: 'deleted' }));
      expect(badStatus.json().error.details[0].path).toBe('pubstatus');
      const noUri = await post({ type: 'text', headline: 'x', body_text: 'y' });
      expect(noUri.json().error.details[0].path).toBe('uri');
      expect([await count('articles'), await count('article_revisions'), await count('jobs')]).toEqual(before);
    });

    it('422 for item types that are not articles', async () => {
      for (const body of [item({ type: 'event' }), item({ type: 'planning' }), { uri: 'urn:x', eventDetails: {} }]) {
        const res = await post(body);
        expect(res.statusCode).toBe(422);
        expect(res.json().error.code).toBe('UNSUPPORTED_ITEM_TYPE');
      }
      const arr = await post([item()]);
      expect(arr.statusCode).toBe(422);
    });

    it('413 above 2 MiB', async () => {
      const before = await count('articles');
      const huge = item({ uri: 'urn:test:413', body_html: 'x'.repeat(2 * 1024 * 1024 + 10) });
      const res = await post(huge);
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('BODY_TOO_LARGE');
      expect(await count('articles')).toBe(before);
    });
  });

  const examplesDir = NINJS_EXAMPLES.path;
  const examples = ['2.1', '3.0'].flatMap((v) => {
    const dir = examplesDir && path.join(examplesDir, v);
    return dir && fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => `${v}/${f}`)
      : [];
  });
  const examplesTitle = 'accepts every IPTC text example and refuses the rest with a clear 422';
  if (!examplesDir) it.skip(`${examplesTitle} (skipped: ${NINJS_EXAMPLES.skip})`, () => {});
  else
    it(examplesTitle, async () => {
      let accepted = 0;
      for (const file of examples) {
        const body = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
        const type = body.type ?? (body.eventDetails ? 'event' : 'text');
        const res = await post(body);
        if (type === 'text' || type === 'composite') {
          expect(res.statusCode, `${file}: ${res.body}`).toBeLessThan(300);
          const page = await t.app.inject(`/articles/${res.json().id}`);
          expect(page.statusCode, file).toBe(200);
          accepted++;
        } else {
          expect(res.statusCode, file).toBe(422);
          expect(res.json().error.code, file).toBe('UNSUPPORTED_ITEM_TYPE');
        }
      }
      expect(accepted).toBeGreaterThanOrEqual(12);
    });
});
