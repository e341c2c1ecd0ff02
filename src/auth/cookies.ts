// Our cookies, through @fastify/cookie (registered once at the root in src/app.ts, so every
// capability's routes see request.cookies and reply.setCookie). One place sets the attributes:
// HttpOnly, SameSite=Lax, Path=/, Secure behind TLS.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'sosik_session';
/** Double-submit token for forms shown to signed-out visitors (the sign-in form). */
export const CSRF_COOKIE = 'sosik_csrf';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return request.cookies?.[name] || undefined;
}

/** Secure when configured so, or (auto) when the request arrived over https (trustProxy honours X-Forwarded-Proto). */
export function cookieIsSecure(request: FastifyRequest, config: Pick<Config, 'secureCookies'>): boolean {
  if (config.secureCookies === 'always') return true;
  if (config.secureCookies === 'never') return false;
  return request.protocol === 'https';
}

/** `maxAgeSeconds` undefined: a browser-session cookie (gone when the browser closes). */
export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  name: string,
  value: string,
  maxAgeSeconds: number | undefined,
): void {
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(request, config),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
}

export function clearCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  name: string,
): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(request, config) });
}
