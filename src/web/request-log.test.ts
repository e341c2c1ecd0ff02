import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/databases.ts';
import { buildApp, REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import { loggedUrl } from './request-log.ts';

describe('request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  let db: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({}, { publicUrl: 'http://sosik.test', pageCacheSeconds: 60 });
    // The default level, as a deployment runs it.
    const log = pino({ level: 'info' }, sink);
    app = await buildApp({ db: db.db, dialect: 'sqlite', config, log, registry: REGISTRY, nudgeJobs: () => {} });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.dispose();
  });

  it('writes one line per request with what an operator needs, and never a credential', async () => {
    await app.inject('/');
    lines.length = 0;
    const res = await app.inject({
      url: '/?lang=ko',
      headers: { authorization: 'Bearer sekrit-key', cookie: 'lang=ko; other=sekrit-cookie' },
    });
    expect(res.statusCode).toBe(200);
    const again = await app.inject({ url: '/', headers: { 'x-request-id': 'abc' } });
    expect(again.headers['x-page-cache']).toBe('hit');
    expect(lines).toHaveLength(2);
    const [first, second] = lines;
    expect(first).toMatchObject({ method: 'GET', url: '/?lang=ko', status: 200, msg: 'request' });
    expect(typeof first!.ms).toBe('number');
    expect(typeof first!.reqId).toBe('string');
    expect(second).toMatchObject({ url: '/', status: 200, cache: 'hit' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('sekrit');
    expect(text.length / lines.length).toBeLessThan(250);
  });

  it('hides tokens carried in query strings', () => {
    expect(loggedUrl('/readers/reset?token=abc123&next=%2F')).toBe('/readers/reset?token=…&next=%2F');
    expect(loggedUrl('/cb?state=s1&code=c2')).toBe('/cb?state=…&code=…');
  });
});
