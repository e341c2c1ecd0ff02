// Checking credentials under the per-account, per-IP (and, when configured, per-domain) throttles. Every attempt is counted
// before the password is hashed (atomically, so parallel guesses cannot overshoot); a success or a
// refused attempt gives its count back, so only failed checks use up the budget.
import type { AppDeps } from '../deps.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
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
  const accountKey = `login:account:${normalizeEmail(email)}`;
  const ipKey = `login:ip:${clientIp}`;
  const perAccount: RateWindow = { limit: deps.config.loginMaxPerAccount, windowMs: LOGIN_WINDOW_MS };
  const perIp: RateWindow = { limit: deps.config.loginMaxPerIp, windowMs: LOGIN_WINDOW_MS };
  // Credential stuffing against one organisation from many addresses; off by default (see config).
  const domain = normalizeEmail(email).split('@')[1] ?? '';
  const domainKey = `login:domain:${domain}`;
  const perDomain: RateWindow = { limit: deps.config.loginMaxPerDomain, windowMs: LOGIN_WINDOW_MS };
  const buckets: Array<[string, RateWindow]> = [
    [accountKey, perAccount],
    [ipKey, perIp],
    ...(perDomain.limit > 0 && domain ? [[domainKey, perDomain] as [string, RateWindow]] : []),
  ];
  const release = () => Promise.all(buckets.map(([key, window]) => releaseRateLimit(deps, key, window)));
  const hits = await Promise.all(buckets.map(([key, window]) => hitRateLimit(deps, key, window)));
  if (hits.some((h) => !h.allowed)) {
    // A refused attempt checked nothing, so it uses up no budget (a throttled IP cannot lock accounts out).
    await release();
    const blocked = hits.filter((h) => !h.allowed);
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(...blocked.map((h) => h.retryAfterSeconds)) };
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
      const valid = account!.passwordHash ? await verifyPassword(password, account!.passwordHash) : await verifyAgainstDummy(password);
      return valid && account!.maySignIn ? { kind: kind.kind, id: account!.id, home: kind.passwordSignIn!.home } : null;
    }),
  );
  const match = checks.find((c) => c !== null);
  if (!match) return { ok: false, reason: 'invalid' };
  await release();
  return { ok: true, principal: { kind: match.kind, id: match.id }, home: match.home };
}
