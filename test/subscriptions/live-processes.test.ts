// Two real `sosik serve` processes on one PostgreSQL schema: a reader's My news open on process A
// gets the live notice when a press POSTs an article to process B, through LISTEN/NOTIFY and
// through Redis pub/sub (SOSIK_REDIS_URL). SIGTERM then ends A's open stream and A exits cleanly
// (a stream left open would hold the shutdown until its 15 s forced exit, code 1).
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { testDialects, TEST_PG_URL } from '../helpers/databases.ts';
import { openEventStream } from '../helpers/event-stream-client.ts';
import {
  addPressProcess,
  REDIS_TEST_URL,
  redisForTests,
  type ServerProcess,
  sharedPgSchema,
  startServerProcess,
  serverProcessEnv,
} from '../helpers/server-process.ts';
import { verifiedReaderRow } from '../helpers/readers.ts';

const servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

const onPostgres = (await testDialects()).includes('postgres');
const transports = [
  { name: 'LISTEN/NOTIFY', redis: false },
  ...((await redisForTests('live-notice test')) ? [{ name: 'Redis', redis: true }] : []),
];

describe.skipIf(!onPostgres).each(transports)('live notice across processes via $name', ({ redis }) => {
  it('a page open on A hears of the article a press POSTed to B', { timeout: 120_000 }, async () => {
    const { schema, url } = await sharedPgSchema('xlive');
    const env = serverProcessEnv(url, {
      SOSIK_WORKERS: '0',
      SOSIK_REDIS_URL: redis ? REDIS_TEST_URL : '',
    });
    const apiKey = addPressProcess(env, 'xlive-daily', '실시간일보');
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    servers.push(a, b);

    // The reader, their subscription and session, written straight into the shared schema.
    const handle = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 1 });
    const config = loadConfig({}, { logLevel: 'silent' });
    let cookie: string;
    try {
      const now = Date.now();
      const press = await handle.db
        .selectFrom('presses')
        .select('id')
        .where('slug', '=', 'xlive-daily')
        .executeTakeFirstOrThrow();
      const reader = await handle.db
        .insertInto('readers')
        .values(verifiedReaderRow('xlive@example.kr', '교차독자', now))
        .returning('id')
        .executeTakeFirstOrThrow();
      await handle.db
        .insertInto('subscriptions')
        .values({
          reader_id: reader.id,
          kind: 'press',
          target_id: press.id,
          query: null,
          target_key: String(press.id),
          created_at: now,
        })
        .execute();
      const session = await createSession(
        { db: handle.db, config },
        { kind: 'reader', id: reader.id },
        { userAgent: 'test' },
      );
      cookie = `sosik_session=${session.token}`;
    } finally {
      await handle.close();
    }

    const my = await fetch(`${a.url}/my`, { headers: { cookie, 'user-agent': 'test' } });
    expect(my.status).toBe(200);
    const since = Number(/data-live-url="\/my\/live\?since=(\d+)"/.exec(await my.text())?.[1]);
    const stream = await openEventStream(`${a.url}/my/live?since=${since}`, { cookie, 'user-agent': 'test' });
    expect(stream.status).toBe(200);

    const posted = await fetch(`${b.url}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        uri: 'urn:xlive:1',
        type: 'text',
        headline: '다른 프로세스로 온 기사',
        body_text: '본문',
      }),
    });
    expect(posted.status).toBe(201);
    await stream.until((c) => c.events.some((e) => e.event === 'news'));
    expect(JSON.parse(stream.events.find((e) => e.event === 'news')!.data)).toEqual({
      count: 1,
      text: '새 기사 1건',
    });

    expect(await a.stop()).toBe(0);
    await stream.ended;
  });
});
