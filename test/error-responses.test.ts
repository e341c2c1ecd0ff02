// Every error a client can cause answers in one of our two shapes, including the ones Fastify and
// Node's HTTP parser answer before a route runs. Tested over a real socket: inject() skips the
// parser, which is where the 431 comes from.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPress } from '../src/press/keys.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

/** Sends raw bytes, returns status, lower-cased headers and body of the (single) answer. */
function rawRequest(
  port: number,
  payload: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine?.split(' ')[1]), headers, body: text.slice(split + 4) });
    });
  });
}

function get(port: number, url: string, headers: Record<string, string> = {}) {
  const lines = [
    `GET ${url} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return rawRequest(port, `${lines.join('\r\n')}\r\n\r\n`);
}

describe('framework errors in our shapes', () => {
  let t: TestApp;
  let port: number;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { demo: false, workers: false });
    auth = {
      authorization: `Bearer ${(await createPress(t.deps, { slug: 'errors-daily', name: '오류일보' })).apiKey}`,
    };
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('a broken %-escape on a reader URL gets the Korean error page, not Fastify JSON', async () => {
    const res = await get(port, '/articles/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toContain('FST_ERR');
    expect(res.body).toContain('<html lang="ko">');
    expect(res.body).toContain('주소에 깨진 문자');
    expect(res.body).not.toContain('자세한 사유(영문)');
  });

  it('the same on /api/ answers our JSON error shape, and English readers get English', async () => {
    const api = await get(port, '/api/v1/articles/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: 'BAD_URL', message: 'The address contains a broken %-escape.' },
    });
    const en = await get(port, '/articles/%E0%A4%A', { 'Accept-Language': 'en' });
    expect(en.body).toContain('broken character');
  });

  it('a path parameter over maxParamLength is a 414 in our shapes', async () => {
    const long = 'a'.repeat(500);
    const page = await get(port, `/press/${long}`);
    expect(page.status).toBe(414);
    expect(page.body).toContain('주소가 너무 깁니다');
    const api = await get(port, `/api/v1/articles/${long}`);
    expect(api.status).toBe(414);
    expect(JSON.parse(api.body).error.code).toBe('URL_TOO_LONG');
  });

  it('a search URL over the header limit gets the error page (Node refuses it before Fastify)', async () => {
    const q = encodeURIComponent('대교 '.repeat(4000));
    const res = await get(port, `/search?q=${q}`, { 'Accept-Language': 'ko' });
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('주소가 너무 깁니다');
    expect(res.body).not.toContain(q.slice(0, 200)); // the query is not echoed back
    const api = await get(port, `/api/v1/search?q=${q}`);
    expect(api.status).toBe(414);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'URL_TOO_LONG' } });
  });

  it('oversized headers after a normal request line are a 431 in our shape', async () => {
    const res = await get(port, '/api/v1/search?q=x', { 'X-Padding': 'p'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
  });

  it('a request that is not HTTP gets a 400 in our shape', async () => {
    const res = await rawRequest(port, 'HELLO\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toContain('요청 형식이 올바르지 않습니다');
  });

  it('an unknown content type on the API is a 415 with our code, not the framework message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This content type is not accepted here: text/csv.' },
    });
  });

  it('a body over the limit names the configured limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"x":"${'x'.repeat(t.deps.config.bodyLimitBytes)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({
      code: 'BODY_TOO_LARGE',
      message: `The body exceeds ${t.deps.config.bodyLimitBytes} bytes.`,
    });
  });
});
