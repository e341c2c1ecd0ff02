// A few seconds of memory for anonymous reader pages. A front page is read thousands of times
// between two changes; rendering it once per window instead of once per request keeps latency
// flat under load. Each process keeps its own copy, so staleness is bounded by the window
// (SOSIK_PAGE_CACHE_SECONDS; 0 turns it off) without any cross-process invalidation.
// Never cached: anyone signed in, anything but a 200 text/html GET, responses that set a cookie,
// and the paths capabilities declare uncacheable (`uncachedPaths` in their manifests).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { requestLocale } from './locale.ts';

interface Entry {
  body: string;
  headers: Record<string, string | number | string[] | undefined>;
  expires: number;
}

/** The kernel's own never-cached paths; capabilities add theirs. */
const KERNEL_UNCACHED = ['/api/', '/static/'];
const HIT = Symbol('page-cache-hit');
const KEY = Symbol('page-cache-key');

type Tagged = FastifyRequest & { [KEY]?: string; [HIT]?: boolean };

export function registerPageCache(
  app: FastifyInstance,
  seconds: number,
  uncachedPaths: readonly string[],
  maxEntries = 1000,
): { clear(): void } {
  const entries = new Map<string, Entry>();
  // Forgets every page at once (this process withdrew an article: no page may still list it).
  const handle = { clear: () => entries.clear() };
  if (seconds <= 0) return handle;
  const uncached = [...KERNEL_UNCACHED, ...uncachedPaths];

  app.addHook('onRequest', async (request: Tagged, reply: FastifyReply) => {
    if (request.method !== 'GET' || uncached.some((p) => request.url.startsWith(p))) return;
    if (request.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return;
    const key = `${requestLocale(request)} ${request.url}`;
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) {
      request[HIT] = true;
      return reply.headers(hit.headers).header('x-page-cache', 'hit').send(hit.body);
    }
    request[KEY] = key;
  });

  app.addHook('onSend', async (request: Tagged, reply, payload) => {
    const key = request[KEY];
    if (!key || request[HIT] || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('text/html') || reply.hasHeader('set-cookie')) return payload;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.delete(key); // re-insert at the end: the Map's order is the eviction order
    entries.set(key, { body: payload, headers: { ...reply.getHeaders() }, expires: Date.now() + seconds * 1000 });
    return payload;
  });
  return handle;
}
