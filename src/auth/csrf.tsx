// CSRF protection for every state-changing form. Signed in (any principal): a synchronizer token
// stored with the session. Signed-out visitors (the sign-in form): a double-submit token in its own
// cookie, which must also be one Sosik issued (anonymous-csrf.ts: an HMAC under a server secret).
// On top, a request that names a foreign Origin is refused outright.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { CSRF_COOKIE, readCookie, setCookie } from './cookies.ts';
import { getPrincipal } from './principal.ts';
import { ANONYMOUS_TOKEN_MS, isIssuedAnonymousToken, issueAnonymousToken } from './anonymous-csrf.ts';

export const CSRF_FIELD = '_csrf';
/** For fetch() from our own scripts: the same token in a header. */
export const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIE_SECONDS = ANONYMOUS_TOKEN_MS / 1000;

/** The token forms on this page must carry; sets the double-submit cookie for signed-out visitors. */
export async function csrfToken(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'db' | 'config' | 'registry'>,
): Promise<string> {
  const principal = await getPrincipal(request, deps);
  if (principal) return principal.session.csrfToken;
  return anonymousCsrfToken(request, reply, deps);
}

/** Double-submit token regardless of session (the sign-in form must work even with a stale session cookie). */
export async function anonymousCsrfToken(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'db' | 'config'>,
): Promise<string> {
  const existing = readCookie(request, CSRF_COOKIE);
  // A planted, expired or pre-upgrade cookie is replaced, not reused; so is one past half its
  // life, so that a form shown now can still be sent an hour later.
  if (await isIssuedAnonymousToken(deps, existing, Date.now() + ANONYMOUS_TOKEN_MS / 2)) return existing!;
  const token = await issueAnonymousToken(deps);
  setCookie(request, reply, deps.config, CSRF_COOKIE, token, CSRF_COOKIE_SECONDS);
  return token;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function csrfField(token: string) {
  return <CsrfField token={token} />;
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header) return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  return typeof field === 'string' && field ? field : undefined;
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Browsers send Origin on cross-site POSTs; one that is not us is refused even with a token. */
function foreignOrigin(request: FastifyRequest, deps: Pick<AppDeps, 'config'>): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  if (host === request.host) return false;
  try {
    return host !== new URL(deps.config.publicUrl).host;
  } catch {
    return true;
  }
}

/** Checks the double-submit pair (the sign-in form): the same token in both, and one we issued. */
export async function verifyAnonymousCsrf(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'config'>,
): Promise<void> {
  const submitted = submittedToken(request);
  if (foreignOrigin(request, deps) || !sameToken(submitted, readCookie(request, CSRF_COOKIE))) throw Errors.csrf();
  if (!(await isIssuedAnonymousToken(deps, submitted))) throw Errors.csrf();
}

/**
 * preHandler for every state-changing route: the submitted token must match the session's
 * (signed in) or the double-submit cookie (signed out). Answers 403 CSRF_REJECTED otherwise.
 */
export function verifyCsrf(deps: Pick<AppDeps, 'db' | 'config' | 'registry'>): preHandlerAsyncHookHandler {
  return async function csrfGuard(request) {
    const principal = await getPrincipal(request, deps);
    if (!principal) return verifyAnonymousCsrf(request, deps);
    if (foreignOrigin(request, deps) || !sameToken(submittedToken(request), principal.session.csrfToken))
      throw Errors.csrf();
  };
}
