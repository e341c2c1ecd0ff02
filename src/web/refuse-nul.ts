// NUL (U+0000) cannot be stored in or compared with PostgreSQL text, so a NUL that reaches a
// query answers 500 there and works on SQLite (the probe's finding 13, and /press/%00x,
// /categories/%00x, ?press=%00 and a sign-in e-mail with a NUL did the same). No address or
// form field of this site has a use for one: refuse it at the door with 400, the same on both
// databases. JSON bodies are left to their schemas (ingest removes NULs from article text).
import type { FastifyRequest } from 'fastify';
import { type AppError, Errors } from '../errors.ts';

const NUL = '\u0000';
const ENCODED_NUL = /%00/i;

function nulRefused(path: string): AppError {
  return Errors.nulCharacter(path);
}

/** onRequest: the address (path or query) must not carry a NUL, raw or %-encoded. */
export async function refuseNulInUrl(request: FastifyRequest): Promise<void> {
  if (request.url.includes(NUL) || ENCODED_NUL.test(request.url)) throw nulRefused('url');
}

/** preValidation: form fields (urlencoded) must not carry a NUL. */
export async function refuseNulInForm(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return;
  const body = request.body;
  if (!body || typeof body !== 'object') return;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.includes(NUL))) throw nulRefused(name);
  }
}
