// The one-click unsubscribe address in every subscription e-mail: the subscription's id with an
// HMAC under a server secret, so it needs no stored state and cannot be guessed for another id.
import crypto from 'node:crypto';
import { serverSecret } from '../auth/server-secret.ts';
import type { AppDeps } from '../deps.ts';

const SECRET = 'subscriptions.unsubscribe';

async function mac(deps: Pick<AppDeps, 'db'>, subscriptionId: number, purpose = 'unsubscribe'): Promise<string> {
  const key = await serverSecret(deps, SECRET);
  return crypto.createHmac('sha256', key).update(`${purpose}:${subscriptionId}`).digest('base64url').slice(0, 32);
}

export async function unsubscribeToken(deps: Pick<AppDeps, 'db'>, subscriptionId: number): Promise<string> {
  return `${subscriptionId}.${await mac(deps, subscriptionId)}`;
}

/** The subscription a token names, when its HMAC is right. */
export async function subscriptionOfToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  const m = /^(\d{1,15})\.([\w-]{32})$/.exec(token);
  if (!m) return undefined;
  const id = Number(m[1]);
  const expected = Buffer.from(await mac(deps, id));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? id : undefined;
}

/** The digest's one-click address: turns the reader's digest off. */
export async function digestUnsubscribeToken(deps: Pick<AppDeps, 'db'>, readerId: number): Promise<string> {
  return `${readerId}.${await mac(deps, readerId, 'digest')}`;
}

export async function readerOfDigestToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  const m = /^(\d{1,15})\.([\w-]{32})$/.exec(token);
  if (!m) return undefined;
  const id = Number(m[1]);
  const expected = Buffer.from(await mac(deps, id, 'digest'));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? id : undefined;
}
