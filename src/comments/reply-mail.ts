// Reply e-mail: a reader who chose it at /account/notifications gets one message per batch of
// replies to their comments. The first visible reply opens a batch (`due_at`, a job at that time);
// replies until then join it; the job sends one message listing them, keyed by the last
// notification it covers, so a retry or a second worker never sends it twice.
//
// Why it cannot lose or repeat a reply: every reply to a reader with mail on locks their
// `comment_reply_mail` row *before* its notification is inserted, and the job locks the same row
// before it reads the notifications. So a reply is either committed before the job reads (and is
// in this message) or inserted after the job committed (with a larger id, opening the next batch).
import { z } from 'zod';
import { defineJob, type AppDeps, type Trx } from '../capability.ts';
import type { Config } from '../config.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { buildMail, enqueueMail, type MailTemplate } from '../mail/index.ts';
import { loadReaderAccount } from '../readers/index.ts';
import { replyMailToken } from './reply-mail-token.ts';

export const REPLY_MAIL_JOB = 'comments.reply-mail';
/** Replies listed in one message; more wait for the next (the batch is opened again at once). */
const MAX_REPLIES = 50;
const EXCERPT = 120;

export interface ReplyMailChoice {
  /** The site offers reply e-mail at all (SOSIK_COMMENT_REPLY_MAIL). */
  offered: boolean;
  enabled: boolean;
}

export async function replyMailChoice(deps: AppDeps, readerId: number): Promise<ReplyMailChoice> {
  const row = await deps.db
    .selectFrom('comment_reply_mail')
    .select('enabled')
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return { offered: deps.config.commentReplyMail, enabled: row?.enabled === 1 };
}

/** Turns reply e-mail on or off. Turning it on mails only replies from now on. */
export async function setReplyMail(deps: AppDeps, readerId: number, enabled: boolean): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom('comment_notifications')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('reader_id', '=', readerId)
      .executeTakeFirst();
    const through = Number(newest?.id ?? 0);
    const values = enabled ? { enabled: 1, mailed_through: through } : { enabled: 0 };
    await trx
      .insertInto('comment_reply_mail')
      .values({ reader_id: readerId, mailed_through: through, due_at: null, ...values })
      .onConflict((oc) => oc.column('reader_id').doUpdateSet(values))
      .execute();
  });
}

/** Stops reply e-mail (the one-click address in every message). */
export async function stopReplyMail(deps: AppDeps, readerId: number): Promise<void> {
  await deps.db.updateTable('comment_reply_mail').set({ enabled: 0 }).where('reader_id', '=', readerId).execute();
}

/**
 * A reply to `authorId`'s comment became visible: before its notification is inserted (see the
 * file comment), join the open batch or open one. Returns nothing; the job does the sending.
 */
export async function joinReplyBatch(
  trx: Trx,
  config: Pick<Config, 'commentReplyMail' | 'commentReplyMailMinutes'>,
  authorId: number,
  now: number,
): Promise<void> {
  if (!config.commentReplyMail) return;
  const due = now + config.commentReplyMailMinutes * 60_000;
  // Matches (and locks) the row whenever mail is on; sets due_at only when no batch is open.
  const row = await trx
    .updateTable('comment_reply_mail')
    .set((eb) => ({ due_at: eb.fn.coalesce('due_at', eb.val(due)) }))
    .where('reader_id', '=', authorId)
    .where('enabled', '=', 1)
    .returning('due_at')
    .executeTakeFirst();
  // An open batch that happens to end at this very millisecond gets a second job: harmless, the
  // job acts only while due_at is still its own.
  if (row && Number(row.due_at) === due) await openedBatch(trx, authorId, due);
}

async function openedBatch(trx: Trx, readerId: number, dueAt: number): Promise<void> {
  await enqueueJob(trx, REPLY_MAIL_JOB, { readerId, dueAt } satisfies ReplyMailPayload, { runAt: dueAt });
}

const payload = z.object({ readerId: z.number().int().positive(), dueAt: z.number().int().nonnegative() });
type ReplyMailPayload = z.infer<typeof payload>;

interface ReplyLine {
  /** Null when the replier's account is gone. */
  nickname: string | null;
  excerpt: string;
  headline: string;
}

interface ReplyMailParams {
  site: string;
  name: string;
  replies: ReplyLine[];
  notificationsUrl: string;
  unsubscribeUrl: string;
}

export const replyMailTemplate: MailTemplate<ReplyMailParams> = {
  name: 'comments.reply-mail',
  subject: (tr, p) =>
    p.replies.length === 1
      ? tr('comments.mail.subject.one', { site: p.site, nickname: p.replies[0]!.nickname ?? tr('comments.anonymous') })
      : tr('comments.mail.subject.many', { site: p.site, count: p.replies.length }),
  intro: (tr, p) => [
    tr('comments.mail.intro', { name: p.name, count: p.replies.length }),
    ...p.replies.map((r) =>
      tr('comments.mail.line', {
        nickname: r.nickname ?? tr('comments.anonymous'),
        excerpt: r.excerpt,
        headline: r.headline,
      }),
    ),
  ],
  action: (tr, p) => ({ label: tr('comments.mail.open'), url: p.notificationsUrl }),
  outro: (tr, p) => [tr('comments.mail.why'), tr('comments.mail.stop', { url: p.unsubscribeUrl })],
};

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** The batch due at `dueAt` for one reader: one message (or none); returns whether one was enqueued. */
export async function sendReplyBatch(deps: AppDeps, readerId: number, dueAt: number): Promise<boolean> {
  const reader = await loadReaderAccount(deps.db, readerId);
  // Outside the transaction: SQLite has one connection, and the secret is read through it.
  const unsubscribeUrl = `${deps.config.publicUrl}/comments/reply-mail/stop/${await replyMailToken(deps, readerId)}`;
  const created = await deps.db.transaction().execute(async (trx) => {
    const state = await trx
      .updateTable('comment_reply_mail')
      .set({ due_at: null })
      .where('reader_id', '=', readerId)
      .where('due_at', '=', dueAt)
      .returning(['enabled', 'mailed_through'])
      .executeTakeFirst();
    if (!state) return false; // another run took this batch, or it was never opened
    const rows = await trx
      .selectFrom('comment_notifications as n')
      .innerJoin('comments as c', 'c.id', 'n.comment_id')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .leftJoin('readers as r', 'r.id', 'c.reader_id')
      .select(['n.id', 'c.status', 'c.body', 'r.nickname', 'a.headline'])
      .where('n.reader_id', '=', readerId)
      .where('n.id', '>', state.mailed_through)
      .orderBy('n.id')
      .limit(MAX_REPLIES)
      .execute();
    if (!rows.length) return false;
    const through = rows[rows.length - 1]!.id;
    await trx
      .updateTable('comment_reply_mail')
      .set({ mailed_through: through })
      .where('reader_id', '=', readerId)
      .execute();
    const now = Date.now();
    if (rows.length === MAX_REPLIES) {
      // More than one message's worth: the rest go in the next batch.
      const next = now + deps.config.commentReplyMailMinutes * 60_000;
      await trx.updateTable('comment_reply_mail').set({ due_at: next }).where('reader_id', '=', readerId).execute();
      await openedBatch(trx, readerId, next);
    }
    // A reply removed since (deleted, or rejected by a moderator) is not mailed.
    const visible = rows.filter((r) => r.status === 'published');
    if (state.enabled !== 1 || !visible.length || !reader || !reader.emailVerified || reader.suspended) return false;
    const mail = buildMail(
      deps.config,
      replyMailTemplate,
      {
        site: deps.config.siteName,
        name: reader.nickname,
        replies: visible.map((r) => ({
          nickname: r.nickname,
          excerpt: excerptOf(r.body),
          headline: r.headline,
        })),
        notificationsUrl: `${deps.config.publicUrl}/account/notifications`,
        unsubscribeUrl,
      },
      {
        to: reader.email,
        lang: reader.locale,
        key: `comments.reply-mail:${readerId}:${through}`,
        listUnsubscribe: unsubscribeUrl,
      },
    );
    return (await enqueueMail(trx, mail)).created;
  });
  if (created) deps.nudgeJobs();
  return created;
}

export const replyMailJob = defineJob({
  kind: REPLY_MAIL_JOB,
  payload,
  run: async ({ readerId, dueAt }, deps) => {
    await sendReplyBatch(deps, readerId, dueAt);
  },
});
