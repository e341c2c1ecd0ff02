import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { ConfigError, loadConfig, optionsMarkdown } from '../config.ts';

describe('configuration', () => {
  it('reads typed options from the environment, validates and freezes them', () => {
    const c = loadConfig({ PORT: '8080', SOSIK_DEMO: '0', SOSIK_PUBLIC_URL: 'https://news.example.org/' });
    expect(c.port).toBe(8080);
    expect(c.demo).toBe(false);
    expect(c.publicUrl).toBe('https://news.example.org');
    expect(Object.isFrozen(c)).toBe(true);
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOSIK_DEMO: 'maybe' })).toThrow(/SOSIK_DEMO/);
  });

  it('documents every option in the README table', () => {
    const table = optionsMarkdown();
    for (const env of ['PORT', 'DATABASE_URL', 'SOSIK_DB', 'SOSIK_DEMO']) expect(table).toContain(`\`${env}\``);
  });
});

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('/healthz checks the database', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
  });

  it('serves the OpenAPI 3.1 document and a readable page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/articles'].post.responses).toHaveProperty('201');
    const page = await t.app.inject('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/v1/articles');
  });

  it('sends a CSP without inline script and other security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API paths with a JSON 404 and a stable code', async () => {
    const res = await t.app.inject('/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
