// The one-click address that stops reply e-mail: the reader's id with an HMAC under a server
// secret, so it needs no stored state and cannot be made for another reader.
import crypto from 'node:crypto';
import type { AppDeps } from '../capability.ts';
import { serverSecret } from '../auth/server-secret.ts';

const SECRET = 'comments.reply-mail';

async function mac(deps: Pick<AppDeps, 'db'>, readerId: number): Promise<string> {
  const key = await serverSecret(deps, SECRET);
  return crypto.createHmac('sha256', key).update(`reply-mail:${readerId}`).digest('base64url').slice(0, 32);
}

export async function replyMailToken(deps: Pick<AppDeps, 'db'>, readerId: number): Promise<string> {
  return `${readerId}.${await mac(deps, readerId)}`;
}

/** The reader a token names, when its HMAC is right. */
export async function readerOfReplyMailToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<number | undefined> {
  const m = /^(\d{1,15})\.([\w-]{32})$/.exec(token);
  if (!m) return undefined;
  const id = Number(m[1]);
  const expected = Buffer.from(await mac(deps, id));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? id : undefined;
}
