// Anonymous CSRF tokens (forms shown to signed-out visitors: sign-in now, sign-up and reset
// next) are "<nonce>.<issued-at>.<HMAC-SHA256(server secret, nonce and issued-at)>". A plain
// double-submit pair lets anyone who can plant a cookie (a sibling subdomain, a network position
// on plain http) choose both halves; with the MAC only a token Sosik issued passes, and only for
// as long as the cookie that carries it lives, so a token fetched once cannot be planted forever.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { serverSecret } from './server-secret.ts';

const SECRET_NAME = 'csrf-anonymous';
/** As long as the sosik_csrf cookie lives (csrf.tsx). */
export const ANONYMOUS_TOKEN_MS = 2 * 60 * 60 * 1000;
/** Clocks of several web processes may disagree a little. */
const CLOCK_SKEW_MS = 60_000;
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{43})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;
// Domain separation: the same secret could one day sign something else.
const PURPOSE = 'sosik anonymous csrf v2\n';

function mac(secret: Buffer, nonce: string, issuedAt: string): string {
  return crypto.createHmac('sha256', secret).update(PURPOSE).update(`${nonce}.${issuedAt}`).digest('base64url');
}

export async function issueAnonymousToken(deps: Pick<AppDeps, 'db'>, now = Date.now()): Promise<string> {
  const nonce = crypto.randomBytes(32).toString('base64url');
  const issuedAt = now.toString(36);
  return `${nonce}.${issuedAt}.${mac(await serverSecret(deps, SECRET_NAME), nonce, issuedAt)}`;
}

/** True when `token` is one we issued (its MAC checks out) and has not expired. */
export async function isIssuedAnonymousToken(
  deps: Pick<AppDeps, 'db'>,
  token: string | undefined,
  now = Date.now(),
): Promise<boolean> {
  const m = token ? TOKEN_SHAPE.exec(token) : null;
  if (!m) return false;
  const [, nonce, issuedAt, given] = m as unknown as [string, string, string, string];
  const age = now - Number.parseInt(issuedAt, 36);
  if (!(age >= -CLOCK_SKEW_MS && age <= ANONYMOUS_TOKEN_MS)) return false;
  const expected = Buffer.from(mac(await serverSecret(deps, SECRET_NAME), nonce, issuedAt));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
