// Headers every response carries. The CSP forbids inline script: client code ships as files
// under /static, so an injected <script> cannot run even if escaping ever failed.
import type { FastifyReply, FastifyRequest } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// Sent only over https (request.protocol honours X-Forwarded-Proto from a trusted proxy): browsers
// ignore it over http, and sending it there would pin a plain-http development host.
// No includeSubDomains: sibling hosts of a news site are not ours to force onto https.
const HSTS = 'max-age=31536000';

/** Also written by hand on answers Node's HTTP parser makes before Fastify (web/error-response.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'interest-cohort=()',
};

export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  reply.headers(SECURITY_HEADERS);
  return payload;
}
