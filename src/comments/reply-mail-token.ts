// The one-click address that stops reply e-mail: the reader's id, signed (src/auth/signed-id.ts).
import type { AppDeps } from '../capability.ts';
import { signedIds } from '../auth/signed-id.ts';

const tokens = signedIds('comments.reply-mail', 'reply-mail');

export function replyMailToken(deps: Pick<AppDeps, 'db'>, readerId: number): Promise<string> {
  return tokens.sign(deps, readerId);
}

/** The reader a token names, when its HMAC is right. */
export function readerOfReplyMailToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  return tokens.verify(deps, token);
}
