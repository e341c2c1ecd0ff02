// Live comments across processes on one PostgreSQL schema: a viewer's event stream on a real
// `sosik serve` process hears a comment posted through another process (this one, with its own
// LISTEN/NOTIFY change bus), and gets the comment itself from its own server; a held comment is
// not pushed to anyone until a moderator approves it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { ChangeBus } from '../../src/db/change-bus.ts';
import { openChangeBus } from '../../src/db/open-change-bus.ts';
import type { TestApp } from '../helpers/app.ts';
import { pgUrlWithSchema, TEST_PG_URL, testDialects } from '../helpers/databases.ts';
import { csrfOf, signInVia, TestBrowser } from '../../src/readers/test-support.ts';
import { addStaff, TEST_PASSWORD } from '../helpers/staff.ts';
import { commentsTestApp, csrfFor, makeArticle, postJsonVia, verifiedReader, type TestReader } from './support.ts';
import { serverProcessEnv } from '../helpers/server-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/sosik.js');
const onPostgres = (await testDialects()).includes('postgres');

function startServer(env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** An open event stream: the events read so far, and a wait for the next that matches. */
async function openStream(url: string) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Array<{ event: string; data: string }> = [];
  const waiters: Array<() => void> = [];
  let opened = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('retry:')) opened = true;
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data });
      }
      for (const w of waiters.splice(0)) w();
    }
  })();
  const until = (test: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such event; got ${JSON.stringify(events)}`)), 20_000);
      const check = () => {
        if (test()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  await until(() => opened);
  return { events, until, close: () => abort.abort() };
}

describe.skipIf(!onPostgres)('live comments across processes (PostgreSQL LISTEN/NOTIFY)', () => {
  const children: ChildProcess[] = [];
  let t: TestApp;
  let bus: ChangeBus;
  let writer: TestApp['app'];
  let viewerPort: number;
  let article: number;
  let minji: TestReader;

  beforeAll(async () => {
    t = await commentsTestApp('postgres', { commentsPerArticle: 20, commentsPerDay: 100 });
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.deps.db)).rows[0]!.s;
    // This process announces through PostgreSQL, as a second `sosik serve` would.
    bus = await openChangeBus({ config: { databaseUrl: TEST_PG_URL, sqlitePath: '', redisUrl: '' }, pgSchema: schema });
    writer = await buildApp({ ...t.deps, changes: bus });
    await writer.ready();
    article = (await makeArticle(t, { headline: '실시간 댓글 기사' })).id;
    minji = await verifiedReader(t, '실시간민지', '10.72.0.1');
    await addStaff(t.deps, 'editor-live@sosik.test', 'editor');
    viewerPort = await startServer(
      serverProcessEnv(pgUrlWithSchema(schema), {
        SOSIK_WORKERS: '0',
      }),
      children,
    );
  }, 120_000);

  afterAll(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    }
    await writer?.close();
    await bus?.close();
    await t?.close();
  });

  it('a comment posted through one process reaches a viewer on the other; a held one only once approved', {
    timeout: 60_000,
  }, async () => {
    const base = `http://127.0.0.1:${viewerPort}`;
    const stream = await openStream(`${base}/articles/${article}/comments/live`);
    try {
      const csrf = await csrfFor(minji, article);
      const held = await postJsonVia(writer, minji, csrf, article, '링크가 든 댓글 https://example.org/live');
      expect(held.json().status).toBe('held');
      const posted = await postJsonVia(writer, minji, csrf, article, '다른 프로세스에서 쓴 댓글');
      expect(posted.statusCode).toBe(201);
      const { id } = posted.json() as { id: number };
      await stream.until(() => stream.events.length > 0);
      // The held comment was never announced as new; the published one was, and only it.
      expect(stream.events).toEqual([{ event: 'comment', data: JSON.stringify({ id }) }]);

      // The viewer's own server renders it for the island to insert; a held comment it refuses.
      const item = await fetch(`${base}/comments/${id}/fragment`);
      expect(item.status).toBe(200);
      const html = await item.text();
      expect(html).toMatch(new RegExp(`^<li class="comment" id="comment-${id}"`));
      expect(html).toContain('다른 프로세스에서 쓴 댓글');
      const heldId = (held.json() as { id: number }).id;
      expect((await fetch(`${base}/comments/${heldId}/fragment`)).status).toBe(404);

      // An editor approves the held one (through the writing process): now it is new to everyone.
      const editor = new TestBrowser(writer, '10.72.9.9');
      expect((await signInVia(editor, 'editor-live@sosik.test', TEST_PASSWORD)).statusCode).toBe(303);
      const queue = await editor.get('/studio/comments');
      const decided = await editor.post('/studio/comments/decide', {
        _csrf: csrfOf(queue.body),
        ids: String(heldId),
        action: 'approve',
      });
      expect(decided.statusCode).toBe(303);
      await stream.until(() => stream.events.length > 1);
      expect(stream.events[1]).toEqual({ event: 'comment', data: JSON.stringify({ id: heldId }) });
      expect(await (await fetch(`${base}/comments/${heldId}/fragment`)).text()).toContain('example.org/live');
    } finally {
      stream.close();
    }
  });
});
