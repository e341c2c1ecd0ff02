// Two real `sosik serve` processes on one PostgreSQL schema: a withdrawal accepted by one is gone
// from the other's page cache (whose upper bound is an hour) through LISTEN/NOTIFY, and through
// Redis pub/sub when SOSIK_REDIS_URL is set.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from './helpers/databases.ts';
import {
  addPressProcess,
  REDIS_TEST_URL,
  redisForTests,
  type ServerProcess,
  sharedPgSchema,
  startServerProcess,
  serverProcessEnv,
} from './helpers/server-process.ts';

const servers: ServerProcess[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** Asks until the answer is 410; fails after `limit` tries (50 ms apart) with the last status. */
async function untilGone(url: string, limit: number): Promise<{ status: number; tries: number }> {
  let status = 0;
  for (let tries = 1; tries <= limit; tries++) {
    status = (await fetch(url)).status;
    if (status === 410) return { status, tries };
    await new Promise((r) => setTimeout(r, 50));
  }
  return { status, tries: limit };
}

const onPostgres = (await testDialects()).includes('postgres');
const transports = [
  { name: 'LISTEN/NOTIFY', redis: false },
  ...((await redisForTests('page-cache test')) ? [{ name: 'Redis', redis: true }] : []),
];

describe.skipIf(!onPostgres).each(transports)('page cache across processes via $name', ({ redis }) => {
  it('a withdrawal through one process is gone from the other process at once', { timeout: 120_000 }, async () => {
    const { url } = await sharedPgSchema('xproc');
    const env = serverProcessEnv(url, {
      SOSIK_PAGE_CACHE_SECONDS: '3600',
      // No clustering or indexing jobs: their announcements would drop the page before we look.
      SOSIK_WORKERS: '0',
      SOSIK_REDIS_URL: redis ? REDIS_TEST_URL : '',
    });
    const apiKey = addPressProcess(env, 'xproc-daily', '교차일보');
    const [writerProcess, readerProcess] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    servers.push(writerProcess, readerProcess);
    const writer = writerProcess.port;
    const reader = readerProcess.port;
    const publish = (pubstatus: string) =>
      fetch(`http://127.0.0.1:${writer}/api/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          uri: 'urn:xproc:1',
          type: 'text',
          headline: '곧 철회될 기사',
          body_text: '본문',
          pubstatus,
        }),
      });
    const created = await publish('usable');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const page = `http://127.0.0.1:${reader}/articles/${id}`;
    // The creation's own announcement may still be on its way (and drop the first copy): ask
    // until the reader answers from its cache.
    let cache: string | null = null;
    for (let tries = 0; tries < 20 && cache !== 'hit'; tries++) {
      const res = await fetch(page);
      expect(res.status).toBe(200);
      cache = res.headers.get('x-page-cache');
      if (cache !== 'hit') await new Promise((r) => setTimeout(r, 50));
    }
    expect(cache).toBe('hit');

    expect((await publish('canceled')).status).toBe(200);
    // Twenty tries 50 ms apart: the reader's copy must go long before its hour is up.
    const gone = await untilGone(page, 20);
    expect(gone.status).toBe(410);
  });
});
