// Digests at the reader's hour in their own time zone, once per slot across restarts (a second
// run at the same moment, as after a crash or from cron beside the server, sends nothing more).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { readerByEmail, readersTestApp, signUpVia, TestBrowser } from '../../src/readers/test-support.ts';
import { nextDigestAt } from '../../src/subscriptions/digest-schedule.ts';
import { runDueDigests, setDigest } from '../../src/subscriptions/digest.ts';
import { subscribe } from '../../src/subscriptions/store.ts';

const at = (iso: string) => Date.parse(iso);

describe('digest slots in the reader’s time zone', () => {
  it('daily at 07:00 local, across offsets of whole and half hours and a DST change', () => {
    const now = at('2026-12-01T00:00:00Z'); // 09:00 in Seoul, 19:00 the day before in New York
    expect(nextDigestAt(now, 'Asia/Seoul', 'daily', 7, 0)).toBe(at('2026-12-01T22:00:00Z'));
    expect(nextDigestAt(now, 'America/New_York', 'daily', 7, 0)).toBe(at('2026-12-01T12:00:00Z'));
    expect(nextDigestAt(now, 'Asia/Kolkata', 'daily', 7, 0)).toBe(at('2026-12-01T01:30:00Z'));
    // New York moves to daylight time on 14 March 2027: 07:00 is then 11:00 UTC.
    expect(nextDigestAt(at('2027-03-13T13:00:00Z'), 'America/New_York', 'daily', 7, 0)).toBe(
      at('2027-03-14T11:00:00Z'),
    );
    expect(nextDigestAt(now, 'Asia/Seoul', 'off', 7, 0)).toBeNull();
  });

  it('a quarter-hour offset, a skipped hour and an hour that comes twice', () => {
    // Kathmandu is UTC+05:45: 07:00 there is 01:15 UTC.
    expect(nextDigestAt(at('2026-12-01T00:00:00Z'), 'Asia/Kathmandu', 'daily', 7, 0)).toBe(at('2026-12-01T01:15:00Z'));
    // New York springs forward on 14 March 2027: 02:00 does not exist that day, so the 02:00
    // digest comes the next day (it then lists both days: nothing is lost, nothing sent twice).
    expect(nextDigestAt(at('2027-03-13T08:00:00Z'), 'America/New_York', 'daily', 2, 0)).toBe(
      at('2027-03-15T06:00:00Z'),
    );
    // It falls back on 1 November 2026: 01:00 comes at 05:00 UTC (EDT) and again at 06:00 (EST).
    expect(nextDigestAt(at('2026-11-01T03:00:00Z'), 'America/New_York', 'daily', 1, 0)).toBe(
      at('2026-11-01T05:00:00Z'),
    );
    // Weekly across the spring change: Monday 07:00 is 12:00 UTC before it, 11:00 after.
    expect(nextDigestAt(at('2027-03-09T00:00:00Z'), 'America/New_York', 'weekly', 7, 1)).toBe(
      at('2027-03-15T11:00:00Z'),
    );
  });

  it('weekly on the chosen day', () => {
    // Tuesday 1 December 2026; the next Monday 07:00 in Seoul is 6 December 22:00 UTC.
    expect(nextDigestAt(at('2026-12-01T00:00:00Z'), 'Asia/Seoul', 'weekly', 7, 1)).toBe(at('2026-12-06T22:00:00Z'));
  });
});

describe.each(await testDialects())('digest sending (%s)', (dialect) => {
  let t: TestApp;
  let press: number;
  const T0 = at('2026-12-01T00:00:00Z');

  beforeAll(async () => {
    t = await readersTestApp(dialect);
    press = await addPress(t.deps, 'hanbit', '한빛일보');
  });
  afterAll(() => t.close());

  async function reader(
    email: string,
    nickname: string,
    timeZone: string,
    ip: string,
    hour = 7,
    frequency: 'daily' | 'weekly' = 'daily',
  ): Promise<number> {
    expect((await signUpVia(new TestBrowser(t.app, ip), { email, nickname })).statusCode).toBe(303);
    const id = (await readerByEmail(t, email))!.id;
    await t.deps.db
      .updateTable('readers')
      .set({ email_verified_at: T0, time_zone: timeZone })
      .where('id', '=', id)
      .execute();
    await subscribe(t.deps.db, id, { kind: 'press', targetId: press, query: null, targetKey: String(press) }, T0);
    await setDigest(t.deps, id, timeZone, { digest: frequency, hour, weekday: 1 }, T0);
    return id;
  }

  const digestsOf = (readerId: number) =>
    t.deps.db
      .selectFrom('mail_messages')
      .select(['key', 'subject', 'text_body', 'list_unsubscribe'])
      .where('key', 'like', `subscriptions.digest:${readerId}:%`)
      .execute();

  it('each reader at their own 07:00, once per slot, with a one-click way out', async () => {
    const seoul = await reader('seoul@example.kr', '서울독자', 'Asia/Seoul', '10.80.0.1');
    const newYork = await reader('ny@example.com', 'nyreader', 'America/New_York', '10.80.0.2');
    await addArticle(t.deps, press, { headline: '밤사이 들어온 기사' }, T0 + 3_600_000);

    const nySlot = at('2026-12-01T12:00:00Z');
    const seoulSlot = at('2026-12-01T22:00:00Z');
    expect(await runDueDigests(t.deps, nySlot - 60_000)).toBe(0);
    expect(await runDueDigests(t.deps, nySlot)).toBe(1);
    expect(await digestsOf(newYork)).toHaveLength(1);
    expect(await digestsOf(seoul)).toHaveLength(0);
    // The same moment again (a restart, or cron beside the server): nothing more.
    expect(await runDueDigests(t.deps, nySlot)).toBe(0);

    expect(await runDueDigests(t.deps, seoulSlot + 5 * 60_000)).toBe(1);
    const [mail] = await digestsOf(seoul);
    expect(mail!.key).toBe(`subscriptions.digest:${seoul}:${seoulSlot}`);
    expect(mail!.text_body).toContain('밤사이 들어온 기사');
    expect(mail!.list_unsubscribe).toMatch(/^http:\/\/sosik\.test\/subscriptions\/unsubscribe-digest\//);

    // The next day brings nothing new for Seoul: its slot moves on without a message.
    expect(await runDueDigests(t.deps, seoulSlot + 86_400_000)).toBe(0);
    const row = await t.deps.db
      .selectFrom('reader_news')
      .select('next_digest_at')
      .where('reader_id', '=', seoul)
      .executeTakeFirstOrThrow();
    expect(Number(row.next_digest_at)).toBe(seoulSlot + 2 * 86_400_000);

    const path = mail!.list_unsubscribe!.replace('http://sosik.test', '');
    const off = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(off.statusCode).toBe(200);
    const after = await t.deps.db
      .selectFrom('reader_news')
      .select(['digest', 'next_digest_at'])
      .where('reader_id', '=', seoul)
      .executeTakeFirstOrThrow();
    expect(after.digest).toBe('off');
    expect(after.next_digest_at).toBeNull();
  });

  const nextSlotOf = async (readerId: number) =>
    Number(
      (
        await t.deps.db
          .selectFrom('reader_news')
          .select('next_digest_at')
          .where('reader_id', '=', readerId)
          .executeTakeFirstOrThrow()
      ).next_digest_at,
    );

  it('when 01:00 comes twice (clocks fall back), the second one sends nothing', async () => {
    const T = at('2026-10-31T12:00:00Z');
    expect(
      (await signUpVia(new TestBrowser(t.app, '10.80.0.3'), { email: 'fall@example.com', nickname: 'fall' }))
        .statusCode,
    ).toBe(303);
    const id = (await readerByEmail(t, 'fall@example.com'))!.id;
    await t.deps.db
      .updateTable('readers')
      .set({ email_verified_at: T, time_zone: 'America/New_York' })
      .where('id', '=', id)
      .execute();
    await subscribe(t.deps.db, id, { kind: 'press', targetId: press, query: null, targetKey: String(press) }, T);
    await setDigest(t.deps, id, 'America/New_York', { digest: 'daily', hour: 1, weekday: 1 }, T);
    await addArticle(t.deps, press, { headline: '서머타임이 끝나는 밤' }, at('2026-11-01T02:00:00Z'));

    expect(await runDueDigests(t.deps, at('2026-11-01T05:00:00Z'))).toBe(1); // 01:00 EDT
    await addArticle(t.deps, press, { headline: '두 번째 1시 사이의 기사' }, at('2026-11-01T05:30:00Z'));
    expect(await runDueDigests(t.deps, at('2026-11-01T06:00:00Z'))).toBe(0); // 01:00 EST, the same night
    expect(await digestsOf(id)).toHaveLength(1);
    expect(await nextSlotOf(id)).toBe(at('2026-11-02T06:00:00Z'));
    // What came in between is in the next night's digest.
    await runDueDigests(t.deps, at('2026-11-02T06:00:00Z'));
    const next = (await digestsOf(id)).find((m) => m.key.endsWith(`:${at('2026-11-02T06:00:00Z')}`));
    expect(next?.text_body).toContain('두 번째 1시 사이의 기사');
  });

  it('back after days of downtime: one digest for the latest missed slot, the rest in the next', async () => {
    const kathmandu = await reader('ktm@example.com', 'ktmreader', 'Asia/Kathmandu', '10.80.0.4');
    const firstSlot = at('2026-12-01T01:15:00Z');
    expect(await nextSlotOf(kathmandu)).toBe(firstSlot);
    await addArticle(t.deps, press, { headline: '카트만두 첫 소식' }, firstSlot - 30 * 60_000);
    // Forty newer articles arrive while the server is down (more than a digest lists).
    for (let i = 0; i < 40; i++)
      await addArticle(t.deps, press, { headline: `멈춘 사이 소식 ${i}` }, firstSlot + (i + 1) * 3_600_000);

    // Other readers of this suite are due too: count this reader's messages.
    const back = firstSlot + 3 * 86_400_000 + 3_600_000;
    await runDueDigests(t.deps, back);
    expect(await digestsOf(kathmandu)).toHaveLength(1);
    const [late] = await digestsOf(kathmandu);
    expect(late!.key).toBe(`subscriptions.digest:${kathmandu}:${firstSlot}`);
    expect(late!.text_body).toContain('카트만두 첫 소식');
    expect(late!.text_body).not.toContain('멈춘 사이 소식');
    // Not one message per missed day: the next slot is the next 07:00 after coming back.
    await runDueDigests(t.deps, back);
    expect(await digestsOf(kathmandu)).toHaveLength(1);
    const next = firstSlot + 4 * 86_400_000;
    expect(await nextSlotOf(kathmandu)).toBe(next);

    await runDueDigests(t.deps, next);
    expect(await digestsOf(kathmandu)).toHaveLength(2);
    const second = (await digestsOf(kathmandu)).find((m) => m.key.endsWith(`:${next}`))!;
    expect(second.text_body).toContain('멈춘 사이 소식 39');
    expect(second.text_body).not.toContain('카트만두 첫 소식');
  });
});
