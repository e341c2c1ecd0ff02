// Who is asking: `request.staff` (null for readers), and route guards by role and press.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { getPrincipal, type Principal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import type { Role } from '../db/schema.ts';
import { type AppError, Errors } from '../errors.ts';
import { STAFF, type Staff, type StaffAccount } from './staff.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, null for everyone else; set by getStaff. */
    staff?: Staff | null;
  }
}

export type { Staff };

function staffOfPrincipal(principal: Principal | null | undefined): Staff | null {
  if (principal?.kind !== STAFF) return null;
  return {
    ...(principal.value as StaffAccount),
    sessionId: principal.session.sessionId,
    csrfToken: principal.session.csrfToken,
  };
}

/** The staff member behind the request's session (loaded once per request), or null. */
export async function getStaff(request: FastifyRequest, deps: Pick<AppDeps, 'db' | 'registry'>): Promise<Staff | null> {
  if (request.staff !== undefined) return request.staff;
  request.staff = staffOfPrincipal(await getPrincipal(request, deps));
  return request.staff;
}

/** The staff member the root principal hook already loaded (for views), or null. */
export function currentStaff(request: FastifyRequest): Staff | null {
  return request.staff ?? staffOfPrincipal(request.principal);
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
export function requireStaff(
  deps: Pick<AppDeps, 'db' | 'registry'>,
  roles?: readonly Role[],
): preHandlerAsyncHookHandler {
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
