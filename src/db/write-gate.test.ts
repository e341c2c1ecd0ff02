// The write gate between `sosik serve`'s web and job threads: a waiting web writer gets in between
// two job transactions, waits without stopping its event loop, and never meets SQLITE_BUSY.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from './database.ts';
import { newWriteGateBuffer, releaseAbandonedGate, WriteGate } from './write-gate.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('write gate', () => {
  it('lets a waiting first-priority writer in before the second-priority holder takes it again', async () => {
    const buffer = newWriteGateBuffer();
    const web = new WriteGate(buffer, 'first');
    const job = new WriteGate(buffer, 'second');
    const order: string[] = [];
    await job.acquire();
    const webTurn = web.acquire().then(() => order.push('web'));
    await turn();
    job.release();
    const jobTurn = job.acquire().then(() => order.push('job'));
    await webTurn;
    expect(order).toEqual(['web']);
    web.release();
    await jobTurn;
    expect(order).toEqual(['web', 'job']);
    job.release();
  });

  it('is free again when the thread that held it died', async () => {
    const buffer = newWriteGateBuffer();
    const gate = new WriteGate(buffer, 'first');
    await gate.acquire();
    releaseAbandonedGate(buffer, threadId + 7); // someone else died: still held
    let acquired = false;
    const next = new WriteGate(buffer, 'second').acquire().then(() => {
      acquired = true;
    });
    await turn();
    expect(acquired).toBe(false);
    releaseAbandonedGate(buffer, threadId);
    await next;
    expect(acquired).toBe(true);
  });
});

describe('SQLite connections sharing a write gate', () => {
  let dir: string;
  let webDb: DbHandle;
  let jobDb: DbHandle;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-gate-'));
    const file = path.join(dir, 'gate.db');
    const buffer = newWriteGateBuffer();
    webDb = openDatabase({ sqlitePath: file, writeGate: new WriteGate(buffer, 'first') });
    jobDb = openDatabase({ sqlitePath: file, writeGate: new WriteGate(buffer, 'second') });
    await sql`create table writes (id integer primary key, who text not null)`.execute(webDb.db);
  });

  afterEach(async () => {
    await webDb.close();
    await jobDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (handle: DbHandle, who: string) => sql`insert into writes (who) values (${who})`.execute(handle.db);

  it('a web transaction waits for the job transaction in hand (event loop free), then goes before the next one', async () => {
    let finishFirst!: () => void;
    const held = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    const first = jobDb.db.transaction().execute(async (trx) => {
      await write({ ...jobDb, db: trx }, 'job 1');
      await held;
    });
    await turn();
    // Without the gate the web thread would sit in SQLite's busy handler, synchronously, while the
    // job transaction (on this same thread here) could never finish: SQLITE_BUSY after 5 s.
    const webTxn = webDb.db.transaction().execute((trx) => write({ ...webDb, db: trx }, 'web transaction'));
    const webStatement = write(webDb, 'web statement');
    let turns = 0;
    while (turns < 5) {
      await turn();
      turns++;
    }
    expect(turns).toBe(5); // the event loop kept running while both waited
    const second = jobDb.db.transaction().execute((trx) => write({ ...jobDb, db: trx }, 'job 2'));
    finishFirst();
    await Promise.all([first, webTxn, webStatement, second]);
    const rows = await webDb.db
      .selectFrom('writes' as never)
      .select(['who' as never])
      .orderBy('id' as never)
      .execute();
    expect(rows.map((r) => (r as { who: string }).who)).toEqual(['job 1', 'web transaction', 'web statement', 'job 2']);
  });

  it('a failed transaction gives the gate back', async () => {
    await expect(
      jobDb.db.transaction().execute(async (trx) => {
        await write({ ...jobDb, db: trx }, 'rolled back');
        throw new Error('job failed');
      }),
    ).rejects.toThrow('job failed');
    await write(webDb, 'after');
    const rows = await sql<{ who: string }>`select who from writes`.execute(webDb.db);
    expect(rows.rows.map((r) => r.who)).toEqual(['after']);
  });

  it('reads do not wait for a writer', async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const txn = jobDb.db.transaction().execute(async (trx) => {
      await write({ ...jobDb, db: trx }, 'pending');
      await held;
    });
    await turn();
    const rows = await sql<{ n: number }>`select count(*) as n from writes`.execute(webDb.db);
    expect(rows.rows[0]!.n).toBe(0);
    finish();
    await txn;
  });
});
