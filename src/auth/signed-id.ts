// Ids signed with an HMAC under a named server secret, as "<id>.<mac>": the addresses in e-mail
// that act without a session (one-click unsubscribe, stop reply mail) need no stored state and
// cannot be made for another id. The purpose is part of what is signed, so a token for one
// action never works for another under the same secret.
import crypto from 'node:crypto';
import type { AppDeps } from '../capability.ts';
import { serverSecret } from './server-secret.ts';

type Deps = Pick<AppDeps, 'db'>;

const TOKEN = /^(\d{1,15})\.([\w-]{32})$/;

export interface SignedIds {
  sign(deps: Deps, id: number): Promise<string>;
  /** The id a token names, when its HMAC is right. */
  verify(deps: Deps, token: string): Promise<number | undefined>;
}

export function signedIds(secretName: string, purpose: string): SignedIds {
  const mac = async (deps: Deps, id: number) => {
    const key = await serverSecret(deps, secretName);
    return crypto.createHmac('sha256', key).update(`${purpose}:${id}`).digest('base64url').slice(0, 32);
  };
  return {
    sign: async (deps, id) => `${id}.${await mac(deps, id)}`,
    async verify(deps, token) {
      const m = TOKEN.exec(token);
      if (!m) return undefined;
      const id = Number(m[1]);
      const expected = Buffer.from(await mac(deps, id));
      const given = Buffer.from(m[2]!);
      return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? id : undefined;
    },
  };
}
