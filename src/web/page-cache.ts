// Anonymous reader pages, kept until something they show changes. A page is stored with the tags
// of what it shows (`cachePageTags`; untagged pages count as showing everything) and dropped the
// moment a change announcement names one of them (src/db/change-bus.ts: local at once, other
// processes through PostgreSQL or Redis). SOSIK_PAGE_CACHE_SECONDS is only an upper bound, for
// what no one announces. One render per key is in flight at a time: concurrent misses wait for it
// and share its bytes (without this, 64 connections rendered the same page 43–64 times per window).
// Every cached page carries an ETag and Last-Modified, so a CDN or nginx in front revalidates with
// a 304 instead of a full page.
// Never cached: anyone signed in, anything but a 200 text/html GET, responses that set a cookie,
// and the paths capabilities declare uncacheable (`uncachedPaths` in their manifests).
import crypto from 'node:crypto';
import { clearTimeout, setTimeout } from 'node:timers';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { ALL_CHANGED, type ChangeBus } from '../db/change-bus.ts';
import { requestLocale } from './locale.ts';
import { pageCacheInvalidations, pageCacheRequests } from './metrics.ts';

interface Entry {
  /** Encoded once: a hit sends the bytes without encoding a 40 KB string again. */
  body: Buffer;
  headers: Record<string, string | number | string[] | undefined>;
  etag: string;
  /** Whole seconds, as Last-Modified can say it. */
  modifiedAt: number;
  expires: number;
  tags: readonly string[];
}

export type PageCacheStatus = 'hit' | 'shared' | 'miss' | 'not_modified';

/** The kernel's own never-cached paths; capabilities add theirs. */
const KERNEL_UNCACHED = ['/api/', '/static/'];
/** A waiter renders on its own rather than wait longer than this for someone else's render. */
const MAX_WAIT_MS = 10_000;
const STATE = Symbol('page-cache');
const TAGS = Symbol('page-cache-tags');

interface RequestState {
  key?: string;
  status?: PageCacheStatus;
  /** The invalidation epoch the render started in: a render older than a change is not stored. */
  epoch?: number;
  flight?: Flight;
}

interface Flight {
  /** The epoch it started in: after a change it is stale, and newcomers start a fresh render. */
  epoch: number;
  promise: Promise<Entry | undefined>;
  settle(entry: Entry | undefined): void;
}

type CacheRequest = FastifyRequest & { [STATE]?: RequestState };
type TaggedReply = FastifyReply & { [TAGS]?: readonly string[] };

/** Names what a page shows (e.g. `article:12`, `front`), so only changes to those drop it. */
export function cachePageTags(reply: FastifyReply, tags: Iterable<string>): void {
  (reply as TaggedReply)[TAGS] = [...tags];
}

/** hit, shared, miss or not_modified for a cacheable page; undefined for anything else. */
export function pageCacheStatus(request: FastifyRequest): PageCacheStatus | undefined {
  return (request as CacheRequest)[STATE]?.status;
}

export interface PageCacheOptions {
  /** Upper bound on an entry's life (0: no cache at all). */
  maxSeconds: number;
  uncachedPaths: readonly string[];
  changes?: ChangeBus;
  maxEntries?: number;
}

/** The store: entries by key, keys by tag, and the epoch that every invalidation advances. */
export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  epoch = 0;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= now) {
      this.remove(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.remove(key); // re-insert at the end: the Map's order is the eviction order
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      if (keys) keys.add(key);
      else this.byTag.set(tag, new Set([key]));
    }
  }

  /** Drops the pages showing any of the tags (and untagged pages, which show "everything"). */
  invalidate(tags: readonly string[]): number {
    this.epoch++;
    if (tags.includes(ALL_CHANGED)) {
      const dropped = this.entries.size;
      this.entries.clear();
      this.byTag.clear();
      return dropped;
    }
    let dropped = 0;
    for (const tag of [...tags, ALL_CHANGED]) {
      for (const key of this.byTag.get(tag) ?? []) {
        if (this.remove(key)) dropped++;
      }
    }
    return dropped;
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}

function etagOf(body: string): string {
  return `W/"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** RFC 9110 §13.1.2/13.1.3: If-None-Match wins over If-Modified-Since. */
function notModified(request: FastifyRequest, entry: Entry): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === entry.etag || t.trim() === '*');
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && entry.modifiedAt * 1000 <= since;
}

function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: Entry, status: 'hit' | 'shared'): FastifyReply {
  const state = (request as CacheRequest)[STATE]!;
  reply.headers(entry.headers);
  if (notModified(request, entry)) {
    state.status = 'not_modified';
    pageCacheRequests.inc({ result: 'not_modified' });
    return reply.code(304).header('x-page-cache', status).send();
  }
  state.status = status;
  pageCacheRequests.inc({ result: status });
  return reply.header('x-page-cache', status).send(entry.body);
}

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageStore | undefined {
  if (options.maxSeconds <= 0) return undefined;
  const uncached = [...KERNEL_UNCACHED, ...options.uncachedPaths];
  const store = new PageStore(options.maxEntries ?? 1000);
  const flights = new Map<string, Flight>();

  const unsubscribe = options.changes?.subscribe((tags) => {
    const dropped = store.invalidate(tags);
    pageCacheInvalidations.inc({ what: 'announcements' });
    if (dropped) pageCacheInvalidations.inc({ what: 'pages' }, dropped);
  });
  app.addHook('onClose', async () => unsubscribe?.());

  const finishFlight = (state: RequestState, entry: Entry | undefined) => {
    const flight = state.flight;
    if (!flight) return;
    state.flight = undefined;
    if (flights.get(state.key!) === flight) flights.delete(state.key!);
    flight.settle(entry);
  };

  app.addHook('onRequest', async (request: CacheRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || uncached.some((p) => request.url.startsWith(p))) return;
    if (request.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return;
    const key = `${requestLocale(request)} ${request.url}`;
    const state: RequestState = { key };
    request[STATE] = state;
    const hit = store.get(key, Date.now());
    if (hit) return sendEntry(request, reply, hit, 'hit');
    // A render that began after the last change reads a state at least as new as this request's
    // arrival: its page is a right answer here, even if another change lands before it ends (it
    // is then shared with those who waited, but not kept). One begun before the last change is
    // not: this request starts the fresh render, and those arriving after it wait for that one.
    const inFlight = flights.get(key);
    if (inFlight && inFlight.epoch === store.epoch) {
      const shared = await inFlight.promise;
      if (shared) return sendEntry(request, reply, shared, 'shared');
    }
    state.status = 'miss';
    pageCacheRequests.inc({ result: 'miss' });
    state.epoch = store.epoch;
    const current = flights.get(key);
    if (!current || current.epoch !== store.epoch) {
      let resolve!: (entry: Entry | undefined) => void;
      const promise = new Promise<Entry | undefined>((r) => (resolve = r));
      // Waiters render on their own rather than wait on a render that is taking too long.
      const timer = setTimeout(() => resolve(undefined), MAX_WAIT_MS);
      timer.unref();
      const settle = (entry: Entry | undefined) => {
        clearTimeout(timer);
        resolve(entry);
      };
      state.flight = { epoch: store.epoch, promise, settle };
      flights.set(key, state.flight);
    }
  });

  app.addHook('onSend', async (request: CacheRequest, reply: TaggedReply, payload) => {
    const state = request[STATE];
    if (state?.status !== 'miss') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      !contentType.startsWith('text/html') ||
      reply.hasHeader('set-cookie')
    ) {
      finishFlight(state, undefined);
      return payload;
    }
    const now = Date.now();
    const entry: Entry = {
      body: Buffer.from(payload),
      headers: {},
      etag: etagOf(payload),
      modifiedAt: Math.floor(now / 1000),
      expires: now + options.maxSeconds * 1000,
      tags: reply[TAGS]?.length ? reply[TAGS] : [ALL_CHANGED],
    };
    reply.header('etag', entry.etag).header('last-modified', new Date(entry.modifiedAt * 1000).toUTCString());
    entry.headers = { ...reply.getHeaders() };
    delete entry.headers['content-length'];
    // Stored only if nothing it shows may have changed since the render began.
    const fresh = store.epoch === state.epoch;
    if (fresh) store.set(state.key!, entry);
    finishFlight(state, entry);
    if (notModified(request, entry)) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  // A render that never reached onSend (aborted, crashed) must not leave its waiters hanging.
  const release = async (request: CacheRequest) => {
    const state = request[STATE];
    if (state) finishFlight(state, undefined);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  return store;
}
