// The batch API: one result per item in order, each item stored or refused on its own, and a
// request that is not a batch refused whole with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { MAX_BATCH_ITEMS } from './batch-api.ts';
import { createPress } from './keys.ts';

function ninjs(n: number, overrides: Record<string, unknown> = {}) {
  return {
    uri: `urn:batch-api:${n}`,
    type: 'text',
    language: 'ko',
    versioncreated: '2026-11-27T09:00:00Z',
    headlines: [{ role: 'main', value: `해온시 소식 ${n}` }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>본문 ${n}</p>` }],
    subjects: [{ code: 'economy' }],
    ...overrides,
  };
}

describe.each(await testDialects())('POST /api/v1/articles/batch on %s', (dialect) => {
  let t: TestApp;
  let key: string;
  const post = (body: unknown, authorization = `Bearer ${key}`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles/batch',
      headers: { 'content-type': 'application/json', authorization },
      payload: JSON.stringify(body),
    });
  const count = async (table: 'articles' | 'jobs') =>
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
    key = (await createPress(t.deps, { slug: 'batch-daily', name: '배치일보' })).apiKey;
  });
  afterAll(() => t.close());

  it('stores the good items and refuses the bad ones, one result per item in order', async () => {
    const res = await post({
      items: [
        ninjs(1),
        { uri: 'urn:batch-api:no-headline', bodies: [{ value: '<p>x</p>' }] },
        ninjs(2),
        'not an item',
        ninjs(3, { type: 'event' }),
        ninjs(1),
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.accepted, body.refused]).toEqual([3, 3]);
    expect(body.results.map((r: { index: number; httpStatus: number }) => [r.index, r.httpStatus])).toEqual([
      [0, 201],
      [1, 422],
      [2, 201],
      [3, 422],
      [4, 422],
      [5, 200],
    ]);
    expect(body.results[1].error.code).toBe('VALIDATION_FAILED');
    expect(body.results[1].error.details[0].path).toBe('headlines');
    expect(body.results[4].error.code).toBe('UNSUPPORTED_ITEM_TYPE');
    expect(body.results[5]).toMatchObject({ ok: true, id: body.results[0].id, changed: false });
    expect(body.results[0].url).toBe(`http://sosik.test/articles/${body.results[0].id}`);
    expect(await count('articles')).toBe(2);
  });

  it('refuses a request that is not a batch, or too large a batch, writing nothing', async () => {
    const before = [await count('articles'), await count('jobs')];
    const tooMany = await post({ items: Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => ninjs(1000 + i)) });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.details[0].path).toBe('items');
    const bare = await post([ninjs(5)]);
    expect(bare.statusCode).toBe(422);
    const empty = await post({ items: [] });
    expect(empty.statusCode).toBe(422);
    expect([await count('articles'), await count('jobs')]).toEqual(before);
  });

  it('needs a valid press key before reading the body', async () => {
    const res = await post({ items: [ninjs(9)] }, 'Bearer nope');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('is described in the OpenAPI document, its result schema resolvable', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/articles/batch'].post;
    expect(op.requestBody.content['application/json'].schema.properties.items.maxItems).toBe(MAX_BATCH_ITEMS);
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/BatchResult');
    expect(doc.components.schemas.BatchResult.required).toEqual(['accepted', 'refused', 'results']);
  });
});
