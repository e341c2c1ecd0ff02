import { describe, expect, it } from 'vitest';
import { t } from '../web/i18n/index.ts';
import { checkToken, digestToken, issueToken, TOKEN_TTL_MS, tokenRefusalMessageKey, tokenSchema } from './tokens.ts';

const NOW = 1_780_000_000_000;

describe('single-use reader tokens', () => {
  it('are 256 random bits in base64url, stored only as their SHA-256 digest', () => {
    const { token, row } = issueToken('verify_email', 7, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(row.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.digest).toBe(digestToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ purpose: 'verify_email', reader_id: 7, created_at: NOW, used_at: null });
    expect(row.expires_at).toBe(NOW + TOKEN_TTL_MS.verify_email);
  });

  it('differ every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => issueToken('reset_password', 1, NOW).token));
    expect(tokens.size).toBe(100);
  });

  it('a reset link lives shorter than a verification link', () => {
    expect(TOKEN_TTL_MS.reset_password).toBeLessThan(TOKEN_TTL_MS.verify_email);
    expect(TOKEN_TTL_MS.reset_password).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it('open their row for their purpose until they expire', () => {
    const { token, row } = issueToken('reset_password', 42, NOW);
    expect(checkToken(token, 'reset_password', row, NOW + 1000)).toEqual({ ok: true, readerId: 42 });
    expect(checkToken(token, 'reset_password', row, row.expires_at - 1)).toEqual({ ok: true, readerId: 42 });
    expect(checkToken(token, 'reset_password', row, row.expires_at)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused once spent', () => {
    const { token, row } = issueToken('verify_email', 42, NOW);
    expect(checkToken(token, 'verify_email', { ...row, used_at: NOW + 5 }, NOW + 10)).toEqual({
      ok: false,
      reason: 'used',
    });
  });

  it('do not open a row of another purpose, or a row they do not belong to', () => {
    const a = issueToken('verify_email', 42, NOW);
    const b = issueToken('verify_email', 42, NOW);
    expect(checkToken(a.token, 'reset_password', a.row, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken(a.token, 'verify_email', b.row, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken(a.token, 'verify_email', undefined, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse malformed input before hashing it', () => {
    const { row } = issueToken('verify_email', 42, NOW);
    for (const bad of [undefined, null, 42, '', 'short', `${'a'.repeat(43)}=`, 'a'.repeat(44), `${'a'.repeat(42)}+`]) {
      expect(tokenSchema.safeParse(bad).success).toBe(false);
      expect(checkToken(bad, 'verify_email', row, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('a tampered digest in the row is refused, not thrown on', () => {
    const { token, row } = issueToken('verify_email', 42, NOW);
    expect(checkToken(token, 'verify_email', { ...row, digest: 'abcd' }, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('have messages for every refusal', () => {
    for (const reason of ['invalid', 'expired', 'used'] as const) {
      expect(t('ko', tokenRefusalMessageKey(reason))).not.toBe(tokenRefusalMessageKey(reason));
      expect(t('en', tokenRefusalMessageKey(reason))).not.toBe(tokenRefusalMessageKey(reason));
    }
  });
});
