// Limits on the reader actions that send e-mail (sign-up, password reset, resending the
// verification link), on top of the shared sliding-window counters in auth/rate-limit.ts.
// Each action is counted per account (the e-mail address: the reset form must not reveal whether
// an account exists, so the address is the key), per client IP and per e-mail domain:
//   - account: a stranger cannot flood one inbox;
//   - ip: one machine cannot script sign-ups or resets;
//   - domain: nobody can make us mail-bomb one organisation, which would also wreck our sender
//     reputation there.
// Korean mobile carriers put many readers behind one address (carrier-grade NAT), so the IP limits
// are generous and the tight ones are per address.
//
// Keys hold SHA-256 prefixes, not addresses: rate_buckets rows outlive the request, and a copy of
// the table should not be a list of who signed up.
import crypto from 'node:crypto';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { hitRateLimit, releaseRateLimit, type RateHit, type RateWindow } from '../auth/rate-limit.ts';
import type { AppDeps } from '../deps.ts';
import { type AppError, Errors } from '../errors.ts';

export const READER_ACTIONS = ['sign_up', 'password_reset', 'verification_resend'] as const;
export type ReaderAction = (typeof READER_ACTIONS)[number];
export type LimitScope = 'account' | 'ip' | 'email_domain';

export interface ReaderLimitRule extends RateWindow {
  scope: LimitScope;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const READER_LIMITS: Record<ReaderAction, readonly ReaderLimitRule[]> = {
  sign_up: [
    { scope: 'account', limit: 3, windowMs: HOUR },
    { scope: 'ip', limit: 20, windowMs: HOUR },
    { scope: 'ip', limit: 100, windowMs: DAY },
    { scope: 'email_domain', limit: 200, windowMs: HOUR },
  ],
  password_reset: [
    { scope: 'account', limit: 3, windowMs: HOUR },
    { scope: 'account', limit: 10, windowMs: DAY },
    { scope: 'ip', limit: 30, windowMs: HOUR },
    { scope: 'email_domain', limit: 200, windowMs: HOUR },
  ],
  verification_resend: [
    { scope: 'account', limit: 3, windowMs: HOUR },
    { scope: 'account', limit: 10, windowMs: DAY },
    { scope: 'ip', limit: 30, windowMs: HOUR },
    { scope: 'email_domain', limit: 200, windowMs: HOUR },
  ],
};

/**
 * The client address as one budget: IPv4-mapped IPv6 as IPv4, IPv6 by its /64 (one household or
 * phone gets a whole /64, so counting single v6 addresses would count nothing).
 */
export function ipBudgetKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return `raw:${ip.slice(0, 64)}`;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The address and its domain, normalised: lower case, IDN domains as punycode, no trailing dot. */
export function emailBudgetKeys(email: string): { account: string; domain: string } {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  const rawDomain = at >= 0 ? trimmed.slice(at + 1).replace(/\.$/, '') : '';
  const domain = domainToASCII(rawDomain) || rawDomain;
  const local = at >= 0 ? trimmed.slice(0, at) : trimmed;
  return { account: `${local}@${domain}`, domain };
}

function digest(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

function bucketKey(
  action: ReaderAction,
  rule: ReaderLimitRule,
  subject: { account: string; domain: string; ip: string },
): string {
  const value =
    rule.scope === 'ip' ? subject.ip : rule.scope === 'account' ? digest(subject.account) : digest(subject.domain);
  // The window is part of the key, so an hourly and a daily rule of one scope count separately.
  return `readers:${action}:${rule.scope}:${rule.windowMs}:${value}`;
}

export type ReaderLimitResult = { allowed: true } | { allowed: false; scope: LimitScope; retryAfterSeconds: number };

/**
 * Counts one attempt at `action` for this e-mail address from this client IP against every rule,
 * atomically per counter. When any rule refuses, the attempt is taken back from all of them: a
 * refused attempt sends nothing, so it must not use up budget (otherwise a throttled attacker
 * would keep burning a victim's account budget).
 */
export async function hitReaderLimits(
  deps: Pick<AppDeps, 'db'>,
  action: ReaderAction,
  attempt: { email: string; ip: string },
  now = Date.now(),
  rules: readonly ReaderLimitRule[] = READER_LIMITS[action],
): Promise<ReaderLimitResult> {
  const subject = { ...emailBudgetKeys(attempt.email), ip: ipBudgetKey(attempt.ip) };
  const counted: { rule: ReaderLimitRule; key: string; hit: RateHit }[] = await Promise.all(
    rules.map(async (rule) => {
      const key = bucketKey(action, rule, subject);
      return { rule, key, hit: await hitRateLimit(deps, key, rule, now) };
    }),
  );
  const refused = counted.filter(({ hit }) => !hit.allowed);
  if (refused.length === 0) return { allowed: true };
  await Promise.all(counted.map(({ rule, key }) => releaseRateLimit(deps, key, rule, now)));
  // The longest wait is the one that matters: every refusing rule must have room again.
  const worst = refused.reduce((a, b) => (b.hit.retryAfterSeconds > a.hit.retryAfterSeconds ? b : a));
  return { allowed: false, scope: worst.rule.scope, retryAfterSeconds: worst.hit.retryAfterSeconds };
}

/** Like hitReaderLimits, but throws 429 RATE_LIMITED (with Retry-After) when refused. */
export async function enforceReaderLimits(
  deps: Pick<AppDeps, 'db'>,
  action: ReaderAction,
  attempt: { email: string; ip: string },
  now = Date.now(),
): Promise<void> {
  const result = await hitReaderLimits(deps, action, attempt, now);
  if (!result.allowed) throw readerLimitError(result.retryAfterSeconds);
}

export function readerLimitError(retryAfterSeconds: number): AppError {
  return Errors.rateLimited(retryAfterSeconds);
}
