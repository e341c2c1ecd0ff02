// Daily and weekly digests: every reader whose slot is due gets one message listing what their
// "digest" subscriptions brought since the last one. The idempotency key is the slot itself
// (`subscriptions.digest:<reader>:<slot>`), and the slot advances in the same transaction as the
// message is enqueued, so a restart, a second process or a cron run never sends a slot twice.
import type { AppDeps } from '../deps.ts';
import { buildMail, enqueueMail, type MailTemplate } from '../mail/index.ts';
import { loadReaderAccount } from '../readers/index.ts';
import { nextDigestAt } from './digest-schedule.ts';
import { myNews } from './my-news.ts';
import { digestUnsubscribeToken } from './unsubscribe-token.ts';

const BATCH = 100;
const ITEMS = 30;
const PERIOD = { daily: 86_400_000, weekly: 7 * 86_400_000 } as const;
/**
 * The next slot is looked for from this long after the last: when clocks fall back, 01:00 comes
 * twice an hour apart, and the second is the same day's digest again. A real next slot is at
 * least 23 hours away (the day clocks spring forward).
 */
const SAME_DAY_MS = 12 * 3_600_000;

interface DigestParams {
  site: string;
  name: string;
  frequency: 'daily' | 'weekly';
  lines: string[];
  myUrl: string;
  unsubscribeUrl: string;
}

export const digestTemplate: MailTemplate<DigestParams> = {
  name: 'subscriptions.digest',
  subject: (tr, p) => tr(`subscriptions.digest.subject.${p.frequency}`, { site: p.site, count: p.lines.length }),
  intro: (tr, p) => [tr('subscriptions.digest.intro', { name: p.name, count: p.lines.length }), ...p.lines],
  action: (tr, p) => ({ label: tr('subscriptions.digest.open-my'), url: p.myUrl }),
  outro: (tr, p) => [tr('subscriptions.digest.stop', { url: p.unsubscribeUrl })],
};

/** Sends every digest due at `now`; returns how many messages were enqueued. */
export async function runDueDigests(deps: AppDeps, now = Date.now()): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await deps.db
      .selectFrom('reader_news')
      .selectAll()
      .where('next_digest_at', '<=', now)
      .where('digest', '!=', 'off')
      .orderBy('next_digest_at')
      .limit(BATCH)
      .execute();
    for (const row of due) if (await sendDigest(deps, row, now)) sent++;
    if (due.length < BATCH) return sent;
  }
}

async function sendDigest(
  deps: AppDeps,
  row: {
    reader_id: number;
    digest: string;
    digest_hour: number;
    digest_weekday: number;
    next_digest_at: number | null;
    last_digest_at: number | null;
  },
  now: number,
): Promise<boolean> {
  const slot = Number(row.next_digest_at);
  const frequency = row.digest === 'weekly' ? 'weekly' : 'daily';
  const reader = await loadReaderAccount(deps.db, row.reader_id);
  const next = nextDigestAt(
    Math.max(now, slot + SAME_DAY_MS),
    reader?.timeZone ?? 'Asia/Seoul',
    frequency,
    row.digest_hour,
    row.digest_weekday,
  );
  const since = row.last_digest_at === null ? slot - PERIOD[frequency] : Number(row.last_digest_at);
  const news =
    reader && reader.emailVerified && !reader.suspended
      ? // The newest up to the slot, not the newest now: a run late after downtime lists its own window.
        await myNews(deps, reader.id, ITEMS, { ms: slot + 1, id: 0 }, 'digest')
      : { items: [] };
  const items = news.items.filter((i) => i.card.firstCreatedAt > since && i.card.firstCreatedAt <= slot);
  let created = false;
  // Outside the transaction: SQLite has one connection, and the secret is read through it.
  const unsubscribeUrl = reader
    ? `${deps.config.publicUrl}/subscriptions/unsubscribe-digest/${await digestUnsubscribeToken(deps, reader.id)}`
    : '';
  await deps.db.transaction().execute(async (trx) => {
    // Only the process that moves the slot on sends for it.
    const moved = await trx
      .updateTable('reader_news')
      .set({ next_digest_at: next, last_digest_at: slot })
      .where('reader_id', '=', row.reader_id)
      .where('next_digest_at', '=', slot)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0 || !reader || items.length === 0) return;
    const base = deps.config.publicUrl;
    const mail = buildMail(
      deps.config,
      digestTemplate,
      {
        site: deps.config.siteName,
        name: reader.nickname,
        frequency,
        lines: items.map((i) => `· ${i.card.headline} — ${i.card.press.name}\n  ${base}/articles/${i.card.id}`),
        myUrl: `${base}/my`,
        unsubscribeUrl,
      },
      {
        to: reader.email,
        lang: reader.locale,
        key: `subscriptions.digest:${reader.id}:${slot}`,
        listUnsubscribe: unsubscribeUrl,
      },
    );
    created = (await enqueueMail(trx, mail)).created;
  });
  if (created) deps.nudgeJobs();
  return created;
}

/** Saves a reader's digest choice and schedules the next slot. */
export async function setDigest(
  deps: AppDeps,
  readerId: number,
  timeZone: string,
  choice: { digest: 'off' | 'daily' | 'weekly'; hour: number; weekday: number },
  now = Date.now(),
): Promise<void> {
  const next = nextDigestAt(now, timeZone, choice.digest, choice.hour, choice.weekday);
  const values = {
    digest: choice.digest,
    digest_hour: choice.hour,
    digest_weekday: choice.weekday,
    next_digest_at: next,
  };
  await deps.db
    .insertInto('reader_news')
    .values({ reader_id: readerId, last_visit_at: now, last_digest_at: now, ...values })
    .onConflict((oc) => oc.column('reader_id').doUpdateSet(values))
    .execute();
}

/** The server's own digest loop (`sosik digest run` does one pass from cron instead). */
export function startDigestLoop(deps: AppDeps, everyMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runDueDigests(deps).catch((err) => deps.log.error({ err }, 'digest run failed'));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
