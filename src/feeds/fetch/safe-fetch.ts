// One outbound GET for a feed, safe against hostile servers: only public addresses (checked after
// DNS resolution, at every redirect), manual redirects with a limit, a body limit counted on
// decompressed bytes, a total and an idle time-out, conditional GET and Retry-After.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError } from '../feed-error.ts';
import { isPublicAddress } from './address-policy.ts';
import { parseRetryAfter } from './retry-after.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SafeFetchOptions {
  /** Allow private, loopback and link-local addresses (SOSIK_FEEDS_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
  /** Addresses allowed even when private (tests let exactly their local server through). */
  allowAddresses?: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  maxRedirects?: number;
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  /** Replaces DNS (tests map invented names onto chosen addresses). */
  resolve?: Resolver;
  now?: () => number;
}

export type FetchResult =
  | {
      kind: 'ok';
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; url: string; etag: string | null; lastModified: string | null };

export const FETCH_DEFAULTS = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
  idleTimeoutMs: 10_000,
  maxRedirects: 5,
  userAgent: 'Sosik feed fetcher (+https://github.com/sosik-news/sosik)',
};

const systemResolve: Resolver = async (hostname) => {
  const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const opts = { ...FETCH_DEFAULTS, ...options };
  const deadline = Date.now() + opts.timeoutMs;
  const seen = new Set<string>();
  let url = parseFeedUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const answer = await requestOnce(url, opts, deadline);
    if (answer.kind !== 'redirect') return answer;
    const next = parseFeedUrl(new URL(answer.location, url).href);
    if (seen.has(next.href)) throw new FeedError('FEED_REDIRECT_LOOP', `redirect loop back to ${next.href}`);
    if (hop + 1 > opts.maxRedirects) {
      throw new FeedError('FEED_TOO_MANY_REDIRECTS', `more than ${opts.maxRedirects} redirects (last to ${next.href})`);
    }
    url = next;
  }
}

export function parseFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedError('FEED_BAD_URL', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('FEED_BAD_URL', `only http and https feeds are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FeedError('FEED_BAD_URL', 'feed URLs may not carry credentials');
  url.hash = '';
  return url;
}

type Options = typeof FETCH_DEFAULTS & SafeFetchOptions;
type Answer = FetchResult | { kind: 'redirect'; location: string };

function addressAllowed(address: string, opts: Options): boolean {
  return opts.allowPrivate === true || opts.allowAddresses?.includes(address) === true || isPublicAddress(address);
}

/** Resolves the host and keeps only addresses we may connect to; the socket uses exactly these. */
async function allowedAddresses(url: URL, opts: Options): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let candidates: ResolvedAddress[];
  if (net.isIP(host)) {
    candidates = [{ address: host, family: net.isIPv6(host) ? 6 : 4 }];
  } else {
    try {
      candidates = await (opts.resolve ?? systemResolve)(host);
    } catch (err) {
      throw new FeedError('FEED_DNS', `cannot resolve ${host}: ${(err as Error).message}`, {}, { cause: err });
    }
  }
  const allowed = candidates.filter((c) => addressAllowed(c.address, opts));
  if (allowed.length === 0) {
    const shown = candidates.map((c) => c.address).join(', ') || 'nothing';
    throw new FeedError(
      'FEED_PRIVATE_ADDRESS',
      `${host} resolves to ${shown}: private, loopback or link-local addresses are refused`,
    );
  }
  return allowed;
}

async function requestOnce(url: URL, opts: Options, deadline: number): Promise<Answer> {
  const addresses = await allowedAddresses(url, opts);
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw new FeedError('FEED_TIMEOUT', `no complete answer within ${opts.timeoutMs} ms`);
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  // The socket connects only to an address that passed the policy: no second, unchecked lookup.
  const lookup: net.LookupFunction = (_host, lookupOpts, cb) => {
    const pick = addresses[0]!;
    if ((lookupOpts as dns.LookupAllOptions).all) {
      (cb as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    } else cb(null, pick.address, pick.family);
  };
  const client = url.protocol === 'https:' ? https : http;

  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const fail = (err: FeedError) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      req.destroy();
      reject(err);
    };
    const totalTimer = setTimeout(
      () => fail(new FeedError('FEED_TIMEOUT', `no complete answer within ${opts.timeoutMs} ms`)),
      remaining,
    );
    const req = client.request(url, { method: 'GET', headers, lookup, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        const location = header('location');
        if (!location)
          return fail(new FeedError('FEED_HTTP_STATUS', `redirect ${status} without Location`, { status }));
        settled = true;
        clearTimeout(totalTimer);
        req.destroy();
        return resolve({ kind: 'redirect', location });
      }
      if (status === 304) {
        res.resume();
        settled = true;
        clearTimeout(totalTimer);
        req.destroy();
        return resolve({
          kind: 'not-modified',
          url: url.href,
          etag: header('etag') ?? opts.etag ?? null,
          lastModified: header('last-modified') ?? opts.lastModified ?? null,
        });
      }
      if (status === 429 || status === 503) {
        res.resume();
        const retryAfterMs = parseRetryAfter(header('retry-after'), Date.now());
        return fail(
          new FeedError(
            'FEED_RATE_LIMITED',
            `the server answered ${status}` +
              (retryAfterMs !== undefined ? `, retry after ${Math.round(retryAfterMs / 1000)} s` : ''),
            { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
          ),
        );
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return fail(
          new FeedError('FEED_HTTP_STATUS', `the server answered ${status} ${res.statusMessage ?? ''}`.trim(), {
            status,
          }),
        );
      }
      const declared = Number(header('content-length'));
      const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (encoding === 'identity' && Number.isFinite(declared) && declared > opts.maxBytes) {
        res.resume();
        return fail(tooLarge(opts.maxBytes));
      }
      let body: Readable;
      try {
        body = decompressor(res, encoding);
      } catch (err) {
        return fail(err as FeedError);
      }
      let idleTimer = setTimeout(() => fail(idle(opts.idleTimeoutMs)), opts.idleTimeoutMs);
      res.on('data', () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => fail(idle(opts.idleTimeoutMs)), opts.idleTimeoutMs);
      });
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          body.destroy();
          return fail(tooLarge(opts.maxBytes));
        }
        chunks.push(chunk);
      });
      body.on('error', (err) =>
        fail(new FeedError('FEED_NETWORK', `reading the body failed: ${err.message}`, {}, { cause: err })),
      );
      body.on('end', () => {
        clearTimeout(idleTimer);
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        resolve({
          kind: 'ok',
          url: url.href,
          body: Buffer.concat(chunks),
          contentType: header('content-type'),
          etag: header('etag'),
          lastModified: header('last-modified'),
        });
      });
      res.on('close', () => clearTimeout(idleTimer));
    });
    req.setTimeout(opts.idleTimeoutMs, () => fail(idle(opts.idleTimeoutMs)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof FeedError) return fail(err);
      fail(new FeedError('FEED_NETWORK', `${url.host}: ${err.code ?? ''} ${err.message}`.trim(), {}, { cause: err }));
    });
    req.end();
  });
}

function tooLarge(limit: number): FeedError {
  return new FeedError('FEED_TOO_LARGE', `the body is larger than ${limit} bytes (counted after decompression)`);
}

function idle(ms: number): FeedError {
  return new FeedError('FEED_IDLE_TIMEOUT', `the server sent nothing for ${ms} ms`);
}

function decompressor(res: http.IncomingMessage, encoding: string): Readable {
  switch (encoding) {
    case 'identity':
    case '':
      return res;
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      throw new FeedError('FEED_NETWORK', `unsupported content encoding "${encoding}"`);
  }
}
