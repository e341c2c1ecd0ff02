// The one-click unsubscribe addresses in subscription e-mail: a subscription's id (one
// subscription's e-mail) or a reader's (their digest), signed (src/auth/signed-id.ts).
import { signedIds } from '../auth/signed-id.ts';
import type { AppDeps } from '../deps.ts';

const SECRET = 'subscriptions.unsubscribe';
const subscriptionTokens = signedIds(SECRET, 'unsubscribe');
const digestTokens = signedIds(SECRET, 'digest');

export function unsubscribeToken(deps: Pick<AppDeps, 'db'>, subscriptionId: number): Promise<string> {
  return subscriptionTokens.sign(deps, subscriptionId);
}

/** The subscription a token names, when its HMAC is right. */
export function subscriptionOfToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  return subscriptionTokens.verify(deps, token);
}

/** The digest's one-click address: turns the reader's digest off. */
export function digestUnsubscribeToken(deps: Pick<AppDeps, 'db'>, readerId: number): Promise<string> {
  return digestTokens.sign(deps, readerId);
}

export function readerOfDigestToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  return digestTokens.verify(deps, token);
}
