// Single-use tokens sent by e-mail (verify an address, reset a password). The link carries 256
// random bits; the table keeps only their SHA-256 digest (a random token needs no slow hash), so a
// copy of the database opens no link. Each row has one purpose and an expiry, and is spent once.
//
// The store looks a row up by digest (an index lookup that compares in constant time per row
// anyway); `checkToken` compares the digests again with timingSafeEqual and decides expiry,
// purpose and use, so the rule lives in one place and is tested without a database.
import crypto from 'node:crypto';
import { z } from 'zod';

export const TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a link stays valid, by purpose: a reset link is a live key to the account, so it is short. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 30 * 60 * 1000,
};

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding are 43 characters. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a Sosik link token');

/** The row a store keeps (times in epoch milliseconds, like every Sosik table). */
export interface ReaderTokenRow {
  /** hex SHA-256 of the token: the primary key. */
  digest: string;
  purpose: TokenPurpose;
  reader_id: number;
  created_at: number;
  expires_at: number;
  /** When it was spent; null while unused. Spending is `update … set used_at = ? where digest = ? and used_at is null`. */
  used_at: number | null;
}

export function digestToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface IssuedToken {
  /** Goes into the e-mailed link, never into the database or a log. */
  token: string;
  row: ReaderTokenRow;
}

export function issueToken(purpose: TokenPurpose, readerId: number, now = Date.now()): IssuedToken {
  const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
  return {
    token,
    row: {
      digest: digestToken(token),
      purpose,
      reader_id: readerId,
      created_at: now,
      expires_at: now + TOKEN_TTL_MS[purpose],
      used_at: null,
    },
  };
}

export type TokenRefusal = 'invalid' | 'expired' | 'used';

export type TokenVerdict = { ok: true; readerId: number } | { ok: false; reason: TokenRefusal };

/** The i18n key of a refusal (src/web/i18n/{ko,en}/readers.ts). */
export function tokenRefusalMessageKey(reason: TokenRefusal): `readers.token.${TokenRefusal}` {
  return `readers.token.${reason}`;
}

/**
 * Decides whether `presented` opens `row` for `purpose` at `now`. `row` is what the store found
 * for the presented token's digest (undefined when none). A token for another purpose is refused
 * as invalid, not as "wrong purpose": the answer should not tell which links exist.
 */
export function checkToken(
  presented: unknown,
  purpose: TokenPurpose,
  row: ReaderTokenRow | undefined,
  now = Date.now(),
): TokenVerdict {
  const parsed = tokenSchema.safeParse(presented);
  if (!parsed.success || !row) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(row.digest, 'hex');
  const actual = Buffer.from(digestToken(parsed.data), 'hex');
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual))
    return { ok: false, reason: 'invalid' };
  if (row.purpose !== purpose) return { ok: false, reason: 'invalid' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (now >= row.expires_at) return { ok: false, reason: 'expired' };
  return { ok: true, readerId: row.reader_id };
}
