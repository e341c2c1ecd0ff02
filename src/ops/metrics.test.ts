import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createPress } from '../press/index.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { metricsToken: TOKEN, pageCacheSeconds: 60 });
  });
  afterAll(() => t.close());

  it('shows request latency by route, the page cache, ingest and the job queue to loopback', async () => {
    const { apiKey } = await createPress(t.deps, { slug: 'metrics-daily', name: '지표일보' });
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      payload: { uri: 'urn:metrics:1', type: 'text', headline: '지표 기사', body_text: '본문' },
    });
    expect(posted.statusCode).toBe(201);
    const { id } = posted.json();
    await t.app.inject(`/articles/${id}`);
    await t.app.inject(`/articles/${id}`);

    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /sosik_http_request_duration_seconds_count\{method="GET",route="\/articles\/:id",status="200"\} [1-9]/,
    );
    expect(res.body).toMatch(/sosik_page_cache_requests_total\{result="hit"\} [1-9]/);
    expect(res.body).toMatch(/sosik_page_cache_invalidations_total\{what="announcements"\} [1-9]/);
    expect(res.body).toMatch(/sosik_articles_ingested_total\{outcome="created"\} [1-9]/);
    // The worker does not run in tests: the article's follow-up jobs are waiting.
    expect(res.body).toMatch(/sosik_jobs_queued\{kind="search\.index"\} 1/);
    expect(res.body).toMatch(/sosik_jobs_oldest_age_seconds\{kind="search\.index"\} \d/);
    expect(res.body).toContain('sosik_db_pool_connections');
    expect(res.headers['x-page-cache']).toBeUndefined();
  });

  it('is refused to other networks unless they present the token', async () => {
    const tokenOnly = await createTestApp('sqlite', { metricsToken: TOKEN, metricsAllow: 'none' });
    try {
      expect((await tokenOnly.app.inject('/metrics')).statusCode).toBe(403);
    } finally {
      await tokenOnly.close();
    }
    const outside = { remoteAddress: '203.0.113.7' };
    const refused = await t.app.inject({ url: '/metrics', ...outside });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('sosik_');
    const wrong = await t.app.inject({
      url: '/metrics',
      ...outside,
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({ url: '/metrics', ...outside, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('sosik_http_request_duration_seconds');
  });

  it('refuses a mistyped allow-list or a short token at start-up', () => {
    expect(() => loadConfig({ SOSIK_METRICS_ALLOW: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOSIK_METRICS_ALLOW: 'intranet' })).toThrow(/SOSIK_METRICS_ALLOW/);
    expect(() => loadConfig({ SOSIK_METRICS_TOKEN: 'short' })).toThrow(/16 characters/);
    expect(loadConfig({}).metricsAllow).toBe('127.0.0.1/32,::1/128');
  });
});
