// Hostile JSON at the press API (security probe findings 4, 5 and the 413 message of 14):
// deep nesting and prototype keys get a clear 4xx with our code, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { jsonDepth } from './json-body.ts';
import { createPress } from './keys.ts';

const base = { uri: 'urn:hostile:1', type: 'text', headline: '정상 제목', body_html: '<p>본문</p>' };
const nested = (open: string, close: string, n: number, inner = '1') => open.repeat(n) + inner + close.repeat(n);
const withRaw = (field: string, raw: string) =>
  JSON.stringify({ ...base, uri: `urn:hostile:${field}` }).replace(/}$/, `,"${field}":${raw}}`);

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{\\"[["}')).toBe(1);
    expect(jsonDepth(nested('[', ']', 1_000_000), 32)).toBe(33);
  });
});

describe.each(await testDialects())('hostile JSON at the press API (%s)', (dialect) => {
  let t: TestApp;
  let key: string;
  const post = (payload: string, type = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { 'content-type': type, authorization: `Bearer ${key}` },
      payload,
    });
  const articles = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    key = (await createPress(t.deps, { slug: 'hostile', name: '시험일보' })).apiKey;
  });
  afterAll(() => t.close());

  it.each([
    ['an extension field nested 10k deep', () => withRaw('x_ext', nested('{"a":', '}', 10_000))],
    ['associations nested 100k deep', () => withRaw('associations', nested('{"a":', '}', 100_000))],
    ['eventdetails nested 50k deep', () => withRaw('eventdetails', nested('{"e":', '}', 50_000))],
    ['a 1M-deep array', () => nested('[', ']', 1_000_000)],
  ])('refuses %s with 400 JSON_TOO_DEEP and writes nothing', async (_name, body) => {
    const before = await articles();
    for (const type of ['application/json', 'application/ninjs+json']) {
      const res = await post(body(), type);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('JSON_TOO_DEEP');
    }
    expect(await articles()).toBe(before);
  });

  it('still accepts ordinary nesting (extensions a few levels deep)', async () => {
    const res = await post(withRaw('x_ext', nested('{"a":', '}', 10)));
    expect(res.statusCode).toBe(201);
  });

  it('does not read a headline through a "__PROTO__" key (422: no headline), and stores no prototype keys', async () => {
    const body = JSON.stringify({ uri: 'urn:hostile:proto', type: 'text', body_html: '<p>본문</p>' }).replace(
      /}$/,
      ',"__PROTO__":{"headline":"프로토타입에서 온 제목"}}',
    );
    const res = await post(body);
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json().error.details)).toContain('headline');
    const withHeadline = JSON.stringify({ ...base, uri: 'urn:hostile:proto2' }).replace(
      /}$/,
      ',"__PROTO__":{"headline":"가짜"},"Constructor":{"x":1}}',
    );
    const ok = await post(withHeadline);
    expect(ok.statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('articles')
      .select('headline')
      .where('id', '=', ok.json().id)
      .executeTakeFirstOrThrow();
    expect(row.headline).toBe('정상 제목');
    expect(({} as Record<string, unknown>).headline).toBeUndefined();
  });

  it('413 names the configured limit, not "0 bytes"', async () => {
    const res = await post(JSON.stringify({ ...base, body_html: 'x'.repeat(t.deps.config.bodyLimitBytes + 10) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain(String(t.deps.config.bodyLimitBytes));
  });
});
