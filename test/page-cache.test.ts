import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createPress } from '../src/press/index.ts';

describe('page cache', () => {
  let t: TestApp;
  let key: string;
  let pressSlug: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 3600 });
    pressSlug = 'cache-daily';
    key = (await createPress(t.deps, { slug: pressSlug, name: '캐시일보' })).apiKey;
  });
  afterAll(() => t.close());

  const publish = (uri: string, headline: string, pubstatus = 'usable') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: { uri, type: 'text', headline, body_text: '본문', pubstatus },
    });

  it('keeps an anonymous page, per locale, with the security headers, until its article changes', async () => {
    const { id } = (await publish('urn:cache:1', '첫 제목')).json();
    const first = await t.app.inject(`/articles/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-page-cache']).toBeUndefined();
    const second = await t.app.inject(`/articles/${id}`);
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    const english = await t.app.inject(`/articles/${id}?lang=en`);
    expect(english.headers['x-page-cache']).toBeUndefined();

    await publish('urn:cache:1', '바뀐 제목');
    const revised = await t.app.inject(`/articles/${id}`);
    expect(revised.headers['x-page-cache']).toBeUndefined();
    expect(revised.body).toContain('바뀐 제목');
    expect((await publish('urn:cache:1', '바뀐 제목', 'canceled')).statusCode).toBe(200);
    expect((await t.app.inject(`/articles/${id}`)).statusCode).toBe(410);
  });

  it('drops only the pages that show what changed', async () => {
    await publish('urn:cache:3', '셋째 기사');
    await t.app.inject(`/press/${pressSlug}`);
    await t.app.inject('/');
    t.deps.changes!.announce(['issue:12345', 'issues']);
    expect((await t.app.inject(`/press/${pressSlug}`)).headers['x-page-cache']).toBe('hit');
    expect((await t.app.inject('/')).headers['x-page-cache']).toBeUndefined();
    t.deps.changes!.announce(['front']);
    expect((await t.app.inject(`/press/${pressSlug}`)).headers['x-page-cache']).toBeUndefined();
  });

  it('shows a new article in the latest headlines beside other articles at once, not after the frame snapshot ages', async () => {
    const { id } = (await publish('urn:cache:6', '옆 기사')).json();
    await t.app.inject(`/articles/${id}`);
    expect((await t.app.inject(`/articles/${id}`)).headers['x-page-cache']).toBe('hit');
    // The frame reloads its headlines on the ingest's announcement, then announces `front` again
    // (in this process) to drop the pages rendered from the old list meanwhile.
    let fronts = 0;
    const reloaded = new Promise<void>((resolve) => {
      t.deps.changes!.subscribe((tags) => {
        if (tags.includes('front') && ++fronts === 2) resolve();
      });
    });
    await publish('urn:cache:7', '방금 들어온 머리기사');
    await t.app.inject(`/articles/${id}`);
    await reloaded;
    // Whether rendered now or kept from a render after the reload, it shows the new headline.
    const page = await t.app.inject(`/articles/${id}`);
    expect(page.body).toContain('방금 들어온 머리기사');
  });

  it('answers a revalidation with 304 when the page is unchanged, and the full page once it changed', async () => {
    const { id } = (await publish('urn:cache:4', '넷째 기사')).json();
    const page = await t.app.inject(`/articles/${id}`);
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(page.headers['last-modified']).toBeDefined();
    expect(page.headers['cache-control']).toBe('public, no-cache');
    expect(page.headers.vary).toContain('Cookie');
    const again = await t.app.inject({ url: `/articles/${id}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const modified = await t.app.inject({
      url: `/articles/${id}`,
      headers: { 'if-modified-since': String(page.headers['last-modified']) },
    });
    expect(modified.statusCode).toBe(304);
    await publish('urn:cache:4', '넷째 기사, 고침');
    const changed = await t.app.inject({ url: `/articles/${id}`, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('넷째 기사, 고침');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('renders a page once however many readers ask for it at the same moment', async () => {
    const { id } = (await publish('urn:cache:5', '다섯째 기사')).json();
    const answers = await Promise.all(Array.from({ length: 24 }, () => t.app.inject(`/articles/${id}`)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const rendered = answers.filter((a) => a.headers['x-page-cache'] === undefined);
    expect(rendered).toHaveLength(1);
    expect(answers.filter((a) => a.headers['x-page-cache'] === 'shared').length).toBeGreaterThan(0);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('never serves cached pages to signed-in staff, nor caches errors or the API', async () => {
    const { id } = (await publish('urn:cache:2', '둘째 기사')).json();
    await t.app.inject(`/articles/${id}`);
    const staff = await t.app.inject({ url: `/articles/${id}`, headers: { cookie: 'sosik_session=whatever' } });
    expect(staff.headers['x-page-cache']).toBeUndefined();
    expect(staff.headers['cache-control']).toBe('private, no-cache');
    expect(staff.headers.etag).toBeUndefined();
    await t.app.inject('/articles/999999');
    const missing = await t.app.inject('/articles/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-page-cache']).toBeUndefined();
    await t.app.inject('/healthz');
    expect((await t.app.inject('/healthz')).headers['x-page-cache']).toBeUndefined();
  });
});
