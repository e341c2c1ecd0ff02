// The search page, JSON API and OpenSearch description through the real app (inject).
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { buildApp, REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import { loadFixtureCorpus } from './fixtures/load.ts';
import type { SearchResponse } from './model.ts';

describe.each(await testDialects())('search routes on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadFixtureCorpus(t);
    const config = loadConfig(
      {},
      { publicUrl: 'https://news.example.org', demo: false, workers: false, logLevel: 'silent', pageCacheSeconds: 0 },
    );
    app = await buildApp({
      db: t.db,
      dialect,
      config,
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('renders results with highlighted headlines, facets and the OpenSearch link', async () => {
    const res = await app.inject('/search?q=' + encodeURIComponent('반도체'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>반도체</mark> 수출이 석 달 연속 늘었다');
    expect(res.body).toContain('rel="search" type="application/opensearchdescription+xml"');
    expect(res.body).toContain('기사 4건');
    expect(res.body).toMatch(/href="\/search\?q=%EB%B0%98%EB%8F%84%EC%B2%B4&amp;press=hanbit"/);
  });

  it('escapes whatever the query contains', async () => {
    const res = await app.inject('/search?q=' + encodeURIComponent('<script>alert(1)</script> 반도체'));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script> 반도체');
  });

  it('shows suggestions when nothing matches', async () => {
    const res = await app.inject(
      '/search?q=' + encodeURIComponent('반도체 라이온즈') + '&press=saebyeok&to=2025-06-01',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('맞는 기사를 찾지 못했습니다');
    expect(res.body).toContain('필터 없이 다시 검색');
  });

  it('answers JSON with filters, facets and pages', async () => {
    const res = await app.inject(
      '/api/v1/search?q=' + encodeURIComponent('반도체') + '&category=economy&size=1&page=2',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as SearchResponse;
    expect(body.total).toBe(2);
    expect(body.page).toBe(2);
    expect(body.results).toHaveLength(1);
    expect(body.facets?.category.map((c) => c.slug)).toEqual(['economy']);
  });

  it.each([
    ['no parameters', ''],
    ['empty q', '?q='],
    ['10 KB q', '?q=' + 'x'.repeat(10_240)],
    ['unbalanced quote', '?q=' + encodeURIComponent('"unbalanced ( quote')],
    ['FTS syntax', '?q=' + encodeURIComponent('*:^-{}[]()')],
    ['nonsense parameters', '?q=a&q=b&page=-3&size=9999&sort=sideways&from=yesterday&issue=abc'],
    ['object-shaped q', '?q[$gt]=1'],
  ])('never fails on a bad query (%s)', async (_name, qs) => {
    const page = await app.inject('/search' + qs);
    expect(page.statusCode).toBe(200);
    const api = await app.inject('/api/v1/search' + qs);
    expect(api.statusCode).toBe(200);
    expect(Array.isArray((api.json() as SearchResponse).results)).toBe(true);
  });

  it('advertises the OpenSearch description on other pages too', async () => {
    const home = await app.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(
      '<link rel="search" type="application/opensearchdescription+xml" title="소식" href="/opensearch.xml"/>',
    );
  });

  it('serves the OpenSearch description', async () => {
    const res = await app.inject('/opensearch.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/opensearchdescription+xml');
    expect(res.body).toContain('template="https://news.example.org/search?q={searchTerms}"');
  });
});

describe('search API limits', () => {
  it('answers 429 with a stable code once a client IP exceeds its rate', async () => {
    const { createTestApp } = await import('../../test/helpers/app.ts');
    const t = await createTestApp('sqlite', { searchApiRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.app.inject('/api/v1/search?q=test')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await t.app.inject('/api/v1/search?q=test');
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(limited.headers['retry-after']).toBeDefined();
      const doc = (await t.app.inject('/api/openapi.json')).json();
      expect(doc.paths['/api/v1/search'].get.responses).toHaveProperty('200');
    } finally {
      await t.close();
    }
  });
});
