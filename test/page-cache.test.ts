import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createPress } from '../src/press/index.ts';

describe('page cache', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 60 });
    key = (await createPress(t.deps, { slug: 'cache-daily', name: '캐시일보' })).apiKey;
  });
  afterAll(() => t.close());

  const publish = (uri: string, headline: string, pubstatus = 'usable') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: { uri, type: 'text', headline, body_text: '본문', pubstatus },
    });

  it('reuses an anonymous page within the window, per locale, with the security headers', async () => {
    const { id } = (await publish('urn:cache:1', '첫 제목')).json();
    const first = await t.app.inject(`/articles/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-page-cache']).toBeUndefined();
    await publish('urn:cache:1', '바뀐 제목');
    const second = await t.app.inject(`/articles/${id}`);
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    const english = await t.app.inject(`/articles/${id}?lang=en`);
    expect(english.headers['x-page-cache']).toBeUndefined();
    expect(english.body).toContain('바뀐 제목');
  });

  it('never serves cached pages to signed-in staff, nor caches errors or the API', async () => {
    const { id } = (await publish('urn:cache:2', '둘째 기사')).json();
    await t.app.inject(`/articles/${id}`);
    const staff = await t.app.inject({ url: `/articles/${id}`, headers: { cookie: 'sosik_session=whatever' } });
    expect(staff.headers['x-page-cache']).toBeUndefined();
    await t.app.inject('/articles/999999');
    const missing = await t.app.inject('/articles/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-page-cache']).toBeUndefined();
    await t.app.inject('/healthz');
    expect((await t.app.inject('/healthz')).headers['x-page-cache']).toBeUndefined();
  });
});
