// SOSIK_TRUST_PROXY (security probe finding 6) and what depends on it: per-IP limits must count
// the address our proxy saw, not one the client wrote into X-Forwarded-For; HSTS over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { addStaff, postLogin, staffTestApp, type StaffTestApp } from '../../test/helpers/staff.ts';
import { parseTrustProxy } from './trust-proxy.ts';

const LOAD_BALANCER = '10.9.0.1';
const CLIENT = '198.51.100.7';
/** What a load balancer forwards: whatever the client claimed, then the address it saw. */
const forwardedBy = (claimed: string) => ({ 'x-forwarded-for': `${claimed}, ${CLIENT}` });

describe('parseTrustProxy', () => {
  it('reads off, hop counts (1 and true: one hop) and address lists, and refuses the rest', () => {
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1')).toBe('10.0.0.0/8,127.0.0.1,::1');
    expect(parseTrustProxy('loopback')).toBe('loopback');
    expect(() => loadConfig({ SOSIK_TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOSIK_TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
  });
});

describe.each(await testDialects())('behind a trusted proxy (%s)', (dialect) => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await staffTestApp(dialect, { trustProxy: '1', loginMaxPerIp: 5, loginMaxPerAccount: 100 });
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
  });
  afterAll(() => t.close());

  it('throttles sign-ins per client even when the client rotates X-Forwarded-For', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const claimed = `203.0.113.${i + 1}`;
      const res = await postLogin(t.app, `nobody${i}@sosik.test`, 'wrong', {
        ip: LOAD_BALANCER,
        headers: forwardedBy(claimed),
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
  });

  it('sends Strict-Transport-Security over https, and not over http', async () => {
    const https = await t.app.inject({
      url: '/login',
      remoteAddress: LOAD_BALANCER,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    const http = await t.app.inject({ url: '/login', remoteAddress: LOAD_BALANCER });
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('address-list trust', () => {
  it('believes X-Forwarded-* only from the listed proxies', async () => {
    const t = await staffTestApp('sqlite', { trustProxy: LOAD_BALANCER });
    try {
      const viaProxy = await t.app.inject({
        url: '/login',
        remoteAddress: LOAD_BALANCER,
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(viaProxy.headers['strict-transport-security']).toBeDefined();
      const direct = await t.app.inject({
        url: '/login',
        remoteAddress: '203.0.113.50',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(direct.headers['strict-transport-security']).toBeUndefined();
      // The client is the right-most address not among the trusted proxies.
      await t.app.inject({ url: '/search?q=x', remoteAddress: LOAD_BALANCER, headers: forwardedBy('203.0.113.9') });
      await t.app.inject({ url: '/search?q=x', remoteAddress: '203.0.113.50', headers: forwardedBy('203.0.113.9') });
      const keys = (
        await t.deps.db.selectFrom('rate_buckets').select('key').where('key', 'like', 'search:%').execute()
      ).map((r) => r.key);
      expect(keys.sort()).toEqual([`search:${CLIENT}`, 'search:203.0.113.50']);
    } finally {
      await t.close();
    }
  });
});

describe('search limits behind a proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { trustProxy: '1', searchApiRatePerMinute: 4 });
  });
  afterAll(() => t.close());

  it('the API and the /search page share one budget per client, whatever X-Forwarded-For claims', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const url = i % 2 ? '/api/v1/search?q=test' : '/search?q=test';
      const res = await t.app.inject({ url, remoteAddress: LOAD_BALANCER, headers: forwardedBy(`203.0.113.${i + 1}`) });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    const page = await t.app.inject({
      url: '/search?q=x',
      remoteAddress: LOAD_BALANCER,
      headers: forwardedBy('1.1.1.1'),
    });
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    // Another client behind the same proxy has its own budget.
    const other = await t.app.inject({
      url: '/search?q=x',
      remoteAddress: LOAD_BALANCER,
      headers: { 'x-forwarded-for': '198.51.100.8' },
    });
    expect(other.statusCode).toBe(200);
  });
});
