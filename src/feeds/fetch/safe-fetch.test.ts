import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../feed-error.ts';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
let srv: TestServer;
// Exactly the test server's address is let through; everything else private stays refused.
const LOCAL: SafeFetchOptions = { allowAddresses: ['127.0.0.1'] };

beforeAll(async () => {
  const gzBomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  srv = await startTestServer({
    '/ok': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader('etag', '"v1"');
      res.setHeader('last-modified', 'Tue, 01 Oct 2024 00:00:00 GMT');
      res.setHeader('content-type', 'application/rss+xml');
      res.end(FEED);
    },
    '/gz': (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(zlib.gzipSync(FEED));
    },
    '/br': (_req, res) => {
      res.setHeader('content-encoding', 'br');
      res.end(zlib.brotliCompressSync(FEED));
    },
    '/gzip-bomb': (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(gzBomb);
    },
    '/huge': (_req, res) => {
      // 100 MB announced and streamed (no content-length shortcut: chunked) until the client hangs up.
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent >= 100) res.end();
        else res.once('drain', pump);
      };
      res.on('close', () => (sent = 1000));
      pump();
    },
    '/huge-declared': (_req, res) => {
      res.setHeader('content-length', String(100 * 1024 * 1024));
      res.write('x');
    },
    '/trickle': (_req, res) => {
      res.setHeader('content-type', 'text/xml');
      const timer = setInterval(() => res.write('<'), 100);
      res.on('close', () => clearInterval(timer));
    },
    '/stall': (_req, res) => {
      res.setHeader('content-type', 'text/xml');
      res.write('<rss>');
    },
    '/loop-a': (_req, res) => redirect(res, '/loop-b'),
    '/loop-b': (_req, res) => redirect(res, '/loop-a'),
    '/hop': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      redirect(res, n >= 9 ? '/ok' : `/hop?n=${n + 1}`);
    },
    '/five': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      redirect(res, n >= 4 ? '/ok' : `/five?n=${n + 1}`);
    },
    '/to-private': (_req, res) => redirect(res, `http://127.0.0.2:${srv.port}/ok`),
    '/to-mapped': (_req, res) => redirect(res, `http://[::ffff:127.0.0.1]:${srv.port}/ok`),
    '/to-file': (_req, res) => redirect(res, 'file:///etc/passwd'),
    '/busy': (_req, res) => {
      res.statusCode = 429;
      res.setHeader('retry-after', '120');
      res.end();
    },
    '/down': (_req, res) => {
      res.statusCode = 503;
      res.setHeader('retry-after', new Date(Date.now() + 3_600_000).toUTCString());
      res.end();
    },
    '/gone': (_req, res) => {
      res.statusCode = 410;
      res.end();
    },
  });
});
afterAll(() => srv.close());

function redirect(res: import('node:http').ServerResponse, to: string) {
  res.statusCode = 302;
  res.setHeader('location', to);
  res.end();
}

async function failure(url: string, opts: SafeFetchOptions = {}): Promise<FeedError> {
  try {
    await safeFetch(url, { ...LOCAL, ...opts });
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('safeFetch', () => {
  it('fetches a body with validators, then answers not-modified to a conditional GET', async () => {
    const first = await safeFetch(`${srv.base}/ok`, LOCAL);
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    expect(first.body.toString()).toBe(FEED);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Tue, 01 Oct 2024 00:00:00 GMT');
    const again = await safeFetch(`${srv.base}/ok`, { ...LOCAL, etag: first.etag });
    expect(again.kind).toBe('not-modified');
  });

  it('decompresses gzip and brotli', async () => {
    for (const path of ['/gz', '/br']) {
      const r = await safeFetch(srv.base + path, LOCAL);
      expect(r.kind === 'ok' && r.body.toString()).toBe(FEED);
    }
  });

  it('cuts a gzip bomb off on decompressed bytes', async () => {
    const err = await failure(`${srv.base}/gzip-bomb`, { maxBytes: 1024 * 1024 });
    expect(err.code).toBe('FEED_TOO_LARGE');
  });

  it('cuts a 100 MB body off at the limit (default 10 MB) without reading it all', async () => {
    const started = Date.now();
    const err = await failure(`${srv.base}/huge`);
    expect(err.code).toBe('FEED_TOO_LARGE');
    expect(err.message).toContain(String(10 * 1024 * 1024));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await failure(`${srv.base}/huge-declared`)).code).toBe('FEED_TOO_LARGE');
  });

  it('gives up on a server that trickles bytes (total time-out)', async () => {
    const started = Date.now();
    const err = await failure(`${srv.base}/trickle`, { timeoutMs: 800, idleTimeoutMs: 5000 });
    expect(err.code).toBe('FEED_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a server that stops sending (idle time-out)', async () => {
    const err = await failure(`${srv.base}/stall`, { timeoutMs: 10_000, idleTimeoutMs: 300 });
    expect(err.code).toBe('FEED_IDLE_TIMEOUT');
  });

  it('refuses redirect loops and chains longer than 5, follows 5', async () => {
    expect((await failure(`${srv.base}/loop-a`)).code).toBe('FEED_REDIRECT_LOOP');
    expect((await failure(`${srv.base}/hop`)).code).toBe('FEED_TOO_MANY_REDIRECTS');
    const five = await safeFetch(`${srv.base}/five`, LOCAL);
    expect(five.kind).toBe('ok');
    expect(five.url).toBe(`${srv.base}/ok`);
  });

  it('refuses private addresses after DNS resolution and at every redirect', async () => {
    // Plain refusal: the local server itself, once nothing is allowed.
    const direct = await failure(`${srv.base}/ok`, { allowAddresses: [] });
    expect(direct.code).toBe('FEED_PRIVATE_ADDRESS');
    // A public-looking name that resolves to loopback is refused after resolution.
    const viaDns = await failure(`http://news.example.test:${srv.port}/ok`, {
      allowAddresses: [],
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(viaDns.code).toBe('FEED_PRIVATE_ADDRESS');
    expect(viaDns.message).toContain('127.0.0.1');
    const localhost = await failure(`http://localhost:${srv.port}/ok`, { allowAddresses: [] });
    expect(localhost.code).toBe('FEED_PRIVATE_ADDRESS');
    // The first hop is allowed, the redirect target is not.
    expect((await failure(`${srv.base}/to-private`)).code).toBe('FEED_PRIVATE_ADDRESS');
    const okHits = srv.hits.get('/ok') ?? 0;
    expect((await failure(`${srv.base}/to-mapped`)).code).toBe('FEED_PRIVATE_ADDRESS');
    expect(srv.hits.get('/ok') ?? 0).toBe(okHits); // refused before connecting, not after
    expect((await failure(`${srv.base}/to-file`)).code).toBe('FEED_BAD_URL');
  });

  it('allows everything when allowPrivate is set', async () => {
    const r = await safeFetch(`http://localhost:${srv.port}/ok`, { allowPrivate: true });
    expect(r.kind).toBe('ok');
  });

  it('reports 429 and 503 with Retry-After, other statuses as they are', async () => {
    const busy = await failure(`${srv.base}/busy`);
    expect(busy.code).toBe('FEED_RATE_LIMITED');
    expect(busy.extra.retryAfterMs).toBe(120_000);
    const down = await failure(`${srv.base}/down`);
    expect(down.code).toBe('FEED_RATE_LIMITED');
    expect(down.extra.retryAfterMs).toBeGreaterThan(3_500_000);
    const gone = await failure(`${srv.base}/gone`);
    expect(gone.code).toBe('FEED_HTTP_STATUS');
    expect(gone.extra.status).toBe(410);
  });

  it('refuses non-http URLs and credentials', async () => {
    expect((await failure('ftp://example.org/feed')).code).toBe('FEED_BAD_URL');
    expect((await failure('http://user:pw@example.org/feed')).code).toBe('FEED_BAD_URL');
    expect((await failure('not a url')).code).toBe('FEED_BAD_URL');
  });
});
