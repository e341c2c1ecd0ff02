// Reading and writing our two cookies by hand, with no cookie plugin: guards and CSRF checks run
// inside every capability's routes, so nothing may depend on a plugin registered in one scope.
// Our cookie values are base64url tokens, so no encoding is needed either way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'sosik_session';
/** Double-submit token for forms shown to signed-out visitors (the sign-in form). */
export const CSRF_COOKIE = 'sosik_csrf';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header || !header.includes(name)) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1') || undefined;
  }
  return undefined;
}

interface CookieAttributes {
  maxAgeSeconds: number;
  secure: boolean;
}

export function serializeCookie(name: string, value: string, { maxAgeSeconds, secure }: CookieAttributes): string {
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Secure when configured so, or (auto) when the request arrived over https (trustProxy honours X-Forwarded-Proto). */
export function cookieIsSecure(request: FastifyRequest, config: Config): boolean {
  if (config.secureCookies === 'always') return true;
  if (config.secureCookies === 'never') return false;
  return request.protocol === 'https';
}

export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  reply.header('set-cookie', serializeCookie(name, value, { maxAgeSeconds, secure: cookieIsSecure(request, config) }));
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, config: Config, name: string): void {
  reply.header('set-cookie', serializeCookie(name, '', { maxAgeSeconds: 0, secure: cookieIsSecure(request, config) }));
}
