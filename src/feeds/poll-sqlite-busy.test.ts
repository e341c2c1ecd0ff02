// Security issue item 12: `sosik feeds poll` from cron next to a running `sosik serve` on one SQLite
// file. The other process is real (a child holding the write lock), and so is the lock contention.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../deps.ts';
import { createTestDb, type TestDb } from '../../test/helpers/databases.ts';
import { startTestServer, type TestServer } from './fetch/test-server.ts';
import { pollFeed, type PollOptions } from './poll.ts';
import { addFeed, getFeed } from './store.ts';
import { addTestPress, feedTestDeps } from './test-deps.ts';

const LOCAL: PollOptions = { fetch: { allowAddresses: ['127.0.0.1'] } };
const item = (n: number) =>
  `<item><guid>busy-${n}</guid><title>기사 ${n}</title><description>본문 ${n}</description></item>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>바쁜 신문</title>${[1, 2, 3].map(item).join('')}</channel></rss>`;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({
    '/rss': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader('etag', '"v1"');
      res.end(FEED);
    },
  });
});
afterAll(() => srv.close());

/** A second process that takes the SQLite write lock and holds it until told to let go. */
async function lockHolder(file: string): Promise<{ release(): void; exited: Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE feeds SET title = 'held by the other process'").run();
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', script, file], { cwd: process.cwd() });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  let released = false;
  return {
    release: () => {
      if (!released) child.stdin.write('go\n');
      released = true;
    },
    exited,
  };
}

describe('feed polling on SQLite next to another writing process', () => {
  let dir: string;
  let t: TestDb;
  let pressId: number;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-busy-'));
    t = await createTestDb('sqlite', { sqlitePath: path.join(dir, 'sosik.db') });
    pressId = await addTestPress(t);
  });
  afterEach(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits its turn for the write lock instead of dropping items', async () => {
    const feed = (await addFeed(t.db, { pressId, url: srv.base + '/rss', intervalSeconds: 600 })).feed;
    const holder = await lockHolder(path.join(dir, 'sosik.db'));
    // The other process lets go once this one has met the lock (busy_timeout ran out) and logged
    // that it waits, or dropped the item; whichever today's code does first.
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          const line = String(chunk);
          if (line.includes('waits its turn') || line.includes('not ingested')) holder.release();
          done();
        },
      }),
    );
    const deps: AppDeps = { ...feedTestDeps(t), log };
    try {
      const out = await pollFeed(deps, feed, LOCAL);
      expect(out).toMatchObject({ status: 'ok', seen: 3, taken: 3, failedItems: 0 });
    } finally {
      holder.release();
      await holder.exited;
    }
    const uris = await t.db.selectFrom('articles').select('uri').orderBy('uri').execute();
    expect(uris.map((r) => r.uri)).toEqual(['busy-1', 'busy-2', 'busy-3']);
    expect(await getFeed(t.db, feed.id)).toMatchObject({ items_taken: 3, etag: '"v1"', error_count: 0 });
  }, 30_000);

  it('a poll that could not store an item fails, keeps the old validators and takes the item next time', async () => {
    const feed = (await addFeed(t.db, { pressId, url: srv.base + '/rss', intervalSeconds: 600 })).feed;
    // A real database refusal for one item (standing in for any write that keeps failing).
    await sql`CREATE TRIGGER refuse_busy_2 BEFORE INSERT ON articles WHEN NEW.uri = 'busy-2' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`.execute(
      t.db,
    );
    const deps = feedTestDeps(t);
    const now = Date.parse('2024-10-10T00:00:00Z');
    const first = await pollFeed(deps, feed, { ...LOCAL, now: () => now, random: () => 0.5 });
    // Reported as a failure, but polled again at the feed's own pace (no backoff for lost items).
    expect(first).toMatchObject({ status: 'error', code: 'FEED_INGEST', nextPollAt: now + 600_000 });
    expect(first.status === 'error' && first.message).toContain('1 of 3 items could not be stored');
    let row = (await getFeed(t.db, feed.id))!;
    // Not advanced past the lost item: no ETag kept (so no 304 next time), the failure on record.
    expect(row).toMatchObject({ etag: null, items_taken: 2, error_count: 1, last_error_code: 'FEED_INGEST' });

    const again = await pollFeed(deps, row, { ...LOCAL, now: () => now, random: () => 0.5 });
    expect(again).toMatchObject({ status: 'error', code: 'FEED_INGEST', nextPollAt: now + 600_000 });
    row = (await getFeed(t.db, feed.id))!;
    expect(row).toMatchObject({ etag: null, items_taken: 2, error_count: 2 });

    await sql`DROP TRIGGER refuse_busy_2`.execute(t.db);
    const second = await pollFeed(deps, row, LOCAL);
    expect(second).toMatchObject({ status: 'ok', seen: 3, taken: 1 });
    row = (await getFeed(t.db, feed.id))!;
    expect(row).toMatchObject({ etag: '"v1"', items_taken: 3, error_count: 0, last_error_code: null });
    const uris = await t.db.selectFrom('articles').select('uri').orderBy('uri').execute();
    expect(uris.map((r) => r.uri)).toEqual(['busy-1', 'busy-2', 'busy-3']);
  });
});
