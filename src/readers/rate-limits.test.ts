// Reader e-mail action limits against real SQLite and PostgreSQL, with explicit clocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { AppError } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import {
  emailBudgetKeys,
  enforceReaderLimits,
  hitReaderLimits,
  ipBudgetKey,
  READER_ACTIONS,
  READER_LIMITS,
  type ReaderLimitRule,
} from './rate-limits.ts';

const HOUR = 3_600_000;
const T0 = 1_780_000_000_000 - (1_780_000_000_000 % HOUR) + 10 * 60_000; // 10 min into an hour window
// Small limits so each test stays short; the defaults are checked separately.
const RULES: ReaderLimitRule[] = [
  { scope: 'account', limit: 2, windowMs: HOUR },
  { scope: 'ip', limit: 4, windowMs: HOUR },
  { scope: 'email_domain', limit: 6, windowMs: HOUR },
];

describe('reader limit keys', () => {
  it('count an IPv6 /64 as one client, and IPv4-mapped addresses as IPv4', () => {
    expect(ipBudgetKey('2001:db8:1:2:aaaa::1')).toBe(ipBudgetKey('2001:db8:1:2:ffff:ffff:ffff:fffe'));
    expect(ipBudgetKey('2001:db8:1:2::1')).not.toBe(ipBudgetKey('2001:db8:1:3::1'));
    expect(ipBudgetKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBudgetKey('203.0.113.7')).not.toBe(ipBudgetKey('203.0.113.8'));
  });

  it('normalise the address and its domain, including internationalised domains', () => {
    expect(emailBudgetKeys(' Minji@Example.KR ')).toEqual({ account: 'minji@example.kr', domain: 'example.kr' });
    expect(emailBudgetKeys('a@소식.한국').domain).toBe('xn--9l4b4x.xn--3e0b707e');
    expect(emailBudgetKeys('a@example.kr.').domain).toBe('example.kr');
  });

  it('the defaults keep the per-address limit tightest and cover every action in every scope', () => {
    for (const action of READER_ACTIONS) {
      const rules = READER_LIMITS[action];
      expect(new Set(rules.map((r) => r.scope))).toEqual(new Set(['account', 'ip', 'email_domain']));
      const hourly = (scope: string) => rules.find((r) => r.scope === scope && r.windowMs === HOUR)!.limit;
      expect(hourly('account')).toBeLessThan(hourly('ip'));
      expect(hourly('ip')).toBeLessThan(hourly('email_domain'));
    }
  });
});

describe.each(await testDialects())('reader limits (%s)', (dialect) => {
  let t_: TestDb;
  beforeAll(async () => {
    t_ = await createTestDb(dialect);
  });
  afterAll(() => t_.dispose());

  const hit = (action: (typeof READER_ACTIONS)[number], email: string, ip: string, now = T0) =>
    hitReaderLimits(t_, action, { email, ip }, now, RULES);

  it('limits one address, whatever its case, and leaves other addresses alone', async () => {
    expect(await hit('password_reset', 'one@a.example', '198.51.100.1')).toEqual({ allowed: true });
    expect(await hit('password_reset', 'ONE@A.example', '198.51.100.2')).toEqual({ allowed: true });
    const third = await hit('password_reset', 'one@a.example', '198.51.100.3');
    expect(third).toMatchObject({ allowed: false, scope: 'account' });
    expect(third.allowed === false && third.retryAfterSeconds).toBeGreaterThan(0);
    expect(await hit('password_reset', 'two@a.example', '198.51.100.3')).toEqual({ allowed: true });
  });

  it('limits one client IP (an IPv6 /64) across addresses', async () => {
    for (let i = 0; i < 4; i++)
      expect((await hit('sign_up', `u${i}@b.example`, `2001:db8:9:9::${i + 1}`)).allowed).toBe(true);
    expect(await hit('sign_up', 'u9@b.example', '2001:db8:9:9::99')).toMatchObject({ allowed: false, scope: 'ip' });
    expect((await hit('sign_up', 'u9@b.example', '2001:db8:9:a::1')).allowed).toBe(true);
  });

  it('limits one e-mail domain across addresses and clients', async () => {
    for (let i = 0; i < 6; i++)
      expect((await hit('verification_resend', `r${i}@C.example`, `192.0.2.${i + 1}`)).allowed).toBe(true);
    expect(await hit('verification_resend', 'r9@c.example', '192.0.2.99')).toMatchObject({
      allowed: false,
      scope: 'email_domain',
    });
    expect((await hit('verification_resend', 'r9@d.example', '192.0.2.99')).allowed).toBe(true);
  });

  it('a refused attempt uses up no budget in any scope', async () => {
    await hit('sign_up', 'victim@e.example', '203.0.113.50');
    await hit('sign_up', 'victim@e.example', '203.0.113.50');
    // The address is spent; hammering it from this IP must not use up the IP's budget.
    for (let i = 0; i < 10; i++) expect((await hit('sign_up', 'victim@e.example', '203.0.113.50')).allowed).toBe(false);
    expect((await hit('sign_up', 'other1@e.example', '203.0.113.50')).allowed).toBe(true);
    expect((await hit('sign_up', 'other2@e.example', '203.0.113.50')).allowed).toBe(true);
    expect(await hit('sign_up', 'other3@e.example', '203.0.113.50')).toMatchObject({ allowed: false, scope: 'ip' });
  });

  it('counts each action separately, and lets the address try again once the window has passed', async () => {
    await hit('password_reset', 'again@f.example', '198.51.100.60');
    await hit('password_reset', 'again@f.example', '198.51.100.60');
    expect((await hit('password_reset', 'again@f.example', '198.51.100.60')).allowed).toBe(false);
    expect((await hit('verification_resend', 'again@f.example', '198.51.100.60')).allowed).toBe(true);
    expect((await hit('password_reset', 'again@f.example', '198.51.100.60', T0 + 2 * HOUR)).allowed).toBe(true);
  });

  it('stores no e-mail address or domain in the counters', async () => {
    await hit('sign_up', 'private.person@secret-company.example', '198.51.100.70');
    const keys = (await t_.db.selectFrom('rate_buckets').select('key').execute()).map((r) => r.key);
    expect(keys.some((k) => k.startsWith('readers:sign_up:account:'))).toBe(true);
    expect(keys.join('\n')).not.toMatch(/private\.person|secret-company|@/);
  });

  it('enforceReaderLimits answers 429 RATE_LIMITED with a Retry-After', async () => {
    const attempt = { email: 'enforced@g.example', ip: '198.51.100.80' };
    const limit = READER_LIMITS.password_reset.find((r) => r.scope === 'account' && r.windowMs === HOUR)!.limit;
    for (let i = 0; i < limit; i++) await enforceReaderLimits(t_, 'password_reset', attempt, T0);
    const err = await enforceReaderLimits(t_, 'password_reset', attempt, T0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((err as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect(t('ko', 'readers.rate-limited', { minutes: 5 })).toContain('5분');
    expect(t('en', 'readers.rate-limited', { minutes: 5 })).toContain('5 min');
  });
});
