// Who is asking: `request.staff` (null for readers), and route guards by role and press.
import type { FastifyReply, FastifyRequest, onRequestHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { AppDeps } from '../deps.ts';
import type { Role } from '../db/schema.ts';
import { AppError, Errors } from '../errors.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { findStaffBySessionToken, type Staff } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, null for everyone else; set by loadStaffHook / getStaff. */
    staff?: Staff | null;
  }
}

export type { Staff };

const loading = new WeakMap<FastifyRequest, Promise<Staff | null>>();

/** Loads (once per request) the staff member behind the session cookie. No cookie, no query. */
export function getStaff(request: FastifyRequest, deps: Pick<AppDeps, 'db'>): Promise<Staff | null> {
  let pending = loading.get(request);
  if (!pending) {
    const token = readCookie(request, SESSION_COOKIE);
    pending = token ? findStaffBySessionToken(deps, token) : Promise.resolve(null);
    pending = pending.then((staff) => (request.staff = staff));
    loading.set(request, pending);
  }
  return pending;
}

/** Root-level hook (src/app.ts) so every route, page and layout can read `request.staff`. */
export function loadStaffHook(deps: Pick<AppDeps, 'db'>): onRequestHookHandler {
  return async (request) => {
    // The press API authenticates by bearer key and static files need no identity.
    if (request.url.startsWith('/api/') || request.url.startsWith('/static/')) return;
    await getStaff(request, deps);
  };
}

export function signInRequired(): AppError {
  return Errors.signInRequired();
}

function loginRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
}

/**
 * Route guard: only signed-in staff with one of `roles` (all staff when omitted) get through.
 * Anonymous page views are sent to /login and come back afterwards; anything else answers 401.
 */
export function requireStaff(deps: Pick<AppDeps, 'db'>, roles?: readonly Role[]): preHandlerAsyncHookHandler {
  return async function staffGuard(request, reply) {
    const staff = await getStaff(request, deps);
    if (!staff) {
      if (request.method === 'GET' || request.method === 'HEAD') return loginRedirect(request, reply);
      throw signInRequired();
    }
    if (roles && !roles.includes(staff.role)) throw Errors.forbidden('Your role may not open this page.');
  };
}

/** Admins and editors see every press; press staff only their own. */
export function canSeePress(staff: Staff, pressId: number): boolean {
  return staff.role !== 'press' || staff.press?.id === pressId;
}

export function assertCanSeePress(staff: Staff, pressId: number): void {
  if (!canSeePress(staff, pressId)) throw Errors.forbidden('This belongs to another press.');
}

/** For handlers behind requireStaff: the staff member, guaranteed. */
export function staffOf(request: FastifyRequest): Staff {
  if (!request.staff) throw signInRequired();
  return request.staff;
}
