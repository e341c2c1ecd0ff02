// Who is asking: the session behind the cookie and the principal it belongs to, loaded at most
// once per request. The kernel knows sessions; which accounts exist (staff, readers) and how to
// load one is declared by capabilities (src/capability.ts `principals`).
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { findSession, type SessionInfo } from './sessions.ts';

export interface Principal<P = unknown> {
  kind: string;
  id: number;
  /** What the owning capability's loader returned (e.g. the staff member). */
  value: P;
  session: SessionInfo;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in principal, null for anonymous visitors; set by `principalHook` / `getPrincipal`. */
    principal?: Principal | null;
  }
}

const loading = new WeakMap<FastifyRequest, Promise<Principal | null>>();

async function loadPrincipal(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'registry'>,
): Promise<Principal | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await findSession(deps, token);
  if (!session) return null;
  const kind = deps.registry.principals.get(session.principal.kind);
  // A session of a kind no capability loads (a capability removed) signs nobody in.
  const value = kind ? await kind.load(deps.db, session.principal.id) : null;
  if (value === null || value === undefined) return null;
  return { kind: session.principal.kind, id: session.principal.id, value, session };
}

/** Loads (once per request) the principal behind the session cookie. No cookie, no query. */
export function getPrincipal(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'registry'>,
): Promise<Principal | null> {
  let pending = loading.get(request);
  if (!pending) {
    pending = loadPrincipal(request, deps).then((p) => (request.principal = p));
    loading.set(request, pending);
  }
  return pending;
}

/** Root-level hook (src/app.ts) so every route, page and layout can read `request.principal`. */
export function principalHook(deps: Pick<AppDeps, 'db' | 'registry'>): onRequestHookHandler {
  return async (request) => {
    // The press API authenticates by bearer key and static files need no identity.
    if (request.url.startsWith('/api/') || request.url.startsWith('/static/')) return;
    await getPrincipal(request, deps);
  };
}
