// Checking credentials under two throttles: per account *and* source (an IPv4 address or an IPv6
// /64), so wrong passwords from one place cannot lock the owner out from another (OWASP
// authentication cheat sheet), and per source, whatever the account. Every attempt is counted
// before the password is hashed (atomically, so parallel guesses cannot overshoot); a success or a
// refused attempt gives its count back, so only failed checks use up the budget.
import type { AppDeps } from '../deps.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import { clientSource } from '../auth/client-source.ts';
import { hitRateLimit, releaseRateLimit, type RateWindow } from '../auth/rate-limit.ts';
import type { PrincipalRef } from '../auth/sessions.ts';
import { normalizeEmail } from './users.ts';

const LOGIN_WINDOW_MS = 15 * 60_000;

export type SignInResult =
  | { ok: true; principal: PrincipalRef; home: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

export async function checkSignIn(
  deps: Pick<AppDeps, 'db' | 'config' | 'registry'>,
  email: string,
  password: string,
  clientIp: string,
): Promise<SignInResult> {
  const source = clientSource(clientIp);
  const accountKey = `login:account-source:${normalizeEmail(email)} ${source}`;
  const ipKey = `login:ip:${source}`;
  const perAccount: RateWindow = { limit: deps.config.loginMaxPerAccount, windowMs: LOGIN_WINDOW_MS };
  const perIp: RateWindow = { limit: deps.config.loginMaxPerIp, windowMs: LOGIN_WINDOW_MS };
  // The source first, then the account: an attempt the source limit refuses never touches the
  // account's count (a throttled IP cannot lock accounts out), and checking one after the other
  // keeps the account's count exact under parallel guesses (refused attempts release theirs).
  const ip = await hitRateLimit(deps, ipKey, perIp);
  if (!ip.allowed) {
    await releaseRateLimit(deps, ipKey, perIp);
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: ip.retryAfterSeconds };
  }
  const account = await hitRateLimit(deps, accountKey, perAccount);
  if (!account.allowed) {
    // A refused attempt checked nothing, so it uses up no budget.
    await Promise.all([releaseRateLimit(deps, accountKey, perAccount), releaseRateLimit(deps, ipKey, perIp)]);
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: account.retryAfterSeconds };
  }
  // Staff and readers sign in on one form. Every kind of account is looked up (cheap queries);
  // then each account found costs one hash, and no account at all costs one dummy hash, so an
  // address with one account of any kind and an unknown address take the same work. (An address
  // with both a staff and a reader account checks two hashes, in parallel on the thread pool.)
  const kinds = [...deps.registry.principals.values()].filter((k) => k.passwordSignIn);
  const found = (
    await Promise.all(kinds.map(async (kind) => ({ kind, account: await kind.passwordSignIn!.find(deps.db, email) })))
  ).filter((f) => f.account !== null);
  if (found.length === 0) await verifyAgainstDummy(password);
  const checks = await Promise.all(
    found.map(async ({ kind, account }) => {
      const valid = account!.passwordHash
        ? await verifyPassword(password, account!.passwordHash)
        : await verifyAgainstDummy(password);
      return valid && account!.maySignIn ? { kind: kind.kind, id: account!.id, home: kind.passwordSignIn!.home } : null;
    }),
  );
  const match = checks.find((c) => c !== null);
  if (!match) return { ok: false, reason: 'invalid' };
  await Promise.all([releaseRateLimit(deps, accountKey, perAccount), releaseRateLimit(deps, ipKey, perIp)]);
  return { ok: true, principal: { kind: match.kind, id: match.id }, home: match.home };
}
