// Conditional GET for published feeds and sitemaps: a weak ETag over what the document is made
// of (no rendering needed to answer 304) and Last-Modified from the newest change.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Validators {
  etag: string;
  lastModified: number;
}

export function validatorsFor(parts: unknown, lastModified: number): Validators {
  const hash = crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
  return { etag: `W/"${hash}"`, lastModified };
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Sets ETag / Last-Modified / Cache-Control and returns true when the client's copy is current
 * (the caller then answers 304 with no body). If-None-Match wins over If-Modified-Since (RFC 9110).
 */
export function answerConditional(
  request: FastifyRequest,
  reply: FastifyReply,
  v: Validators,
  maxAgeSeconds = 300,
): boolean {
  reply.header('etag', v.etag);
  if (v.lastModified > 0) reply.header('last-modified', new Date(v.lastModified).toUTCString());
  reply.header('cache-control', `public, max-age=${maxAgeSeconds}`);
  const inm = request.headers['if-none-match'];
  if (typeof inm === 'string') return etagMatches(inm, v.etag);
  const ims = request.headers['if-modified-since'];
  if (typeof ims === 'string' && v.lastModified > 0) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(v.lastModified / 1000) * 1000 <= since;
  }
  return false;
}
