// Anonymous CSRF tokens (forms shown to signed-out visitors: sign-in now, sign-up and reset
// next) are "<random>.<HMAC-SHA256(server secret, random)>". A plain double-submit pair lets
// anyone who can plant a cookie (a sibling subdomain, a network position on plain http) choose
// both halves; with the MAC only a token Sosik issued passes, so login CSRF needs more than
// writing a cookie.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { serverSecret } from './server-secret.ts';

const SECRET_NAME = 'csrf-anonymous';
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;
// Domain separation: the same secret could one day sign something else.
const PURPOSE = 'sosik anonymous csrf v1\n';

function mac(secret: Buffer, nonce: string): string {
  return crypto.createHmac('sha256', secret).update(PURPOSE).update(nonce).digest('base64url');
}

export async function issueAnonymousToken(deps: Pick<AppDeps, 'db'>): Promise<string> {
  const nonce = crypto.randomBytes(32).toString('base64url');
  return `${nonce}.${mac(await serverSecret(deps, SECRET_NAME), nonce)}`;
}

/** True when `token` is one we issued (its MAC checks out). */
export async function isIssuedAnonymousToken(deps: Pick<AppDeps, 'db'>, token: string | undefined): Promise<boolean> {
  const m = token ? TOKEN_SHAPE.exec(token) : null;
  if (!m) return false;
  const expected = Buffer.from(mac(await serverSecret(deps, SECRET_NAME), m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
