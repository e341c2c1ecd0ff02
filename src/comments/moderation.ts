// What a moderator decides on a comment in the queue, each action logged with who and why:
// approve (publish), reject (not published; a published one becomes "removed by moderators"),
// mask (publish with profanity starred), suspend the author from commenting for some days (and
// reject the comment). Press staff decide only on their press's articles.
import type { AppDeps, Trx } from '../capability.ts';
import { Errors } from '../errors.ts';
import { announceCommentChange } from './changes.ts';
import { replyPublished } from './post.ts';
import { maskProfanity } from './toxicity/index.ts';

export const MODERATOR_ACTIONS = ['approve', 'reject', 'mask', 'suspend'] as const;
export type ModeratorAction = (typeof MODERATOR_ACTIONS)[number];

export interface Moderator {
  userId: number;
  /** Press staff: only comments on this press's articles. */
  pressId: number | null;
}

async function log(
  trx: Trx,
  moderator: Moderator,
  action: string,
  commentId: number | null,
  readerId: number | null,
  detail: Record<string, unknown>,
  now: number,
) {
  await trx
    .insertInto('comment_moderation_log')
    .values({
      staff_id: moderator.userId,
      action,
      comment_id: commentId,
      reader_id: readerId,
      detail: JSON.stringify(detail),
      created_at: now,
    })
    .execute();
}

export async function moderate(
  deps: AppDeps,
  moderator: Moderator,
  commentIds: readonly number[],
  action: ModeratorAction,
  options: { days?: number; note?: string } = {},
  now = Date.now(),
): Promise<number> {
  const changed: Array<{ articleId: number; id: number; kind: 'posted' | 'changed' }> = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const id of commentIds) {
      const c = await trx
        .selectFrom('comments as c')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .select(['c.id', 'c.status', 'c.parent_id', 'c.reader_id', 'c.original', 'c.article_id', 'a.press_id'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      if (!c || (moderator.pressId !== null && c.press_id !== moderator.pressId)) throw Errors.notFound('comment');
      if (c.status === 'deleted_author') continue;
      const decide = async (status: 'published' | 'rejected' | 'deleted_moderator', body?: string) => {
        await trx
          .updateTable('comments')
          .set({
            status,
            status_phase: 'moderator',
            status_reason: action === 'approve' || action === 'mask' ? 'approve' : 'moderator',
            updated_at: now,
            ...(body !== undefined ? { body } : {}),
          })
          .where('id', '=', c.id)
          .execute();
        await trx
          .insertInto('comment_decisions')
          .values({
            comment_id: c.id,
            phase: 'moderator',
            action,
            reason: action === 'approve' || action === 'mask' ? 'approve' : 'moderator',
            evidence: JSON.stringify({ note: options.note ?? '' }),
            staff_id: moderator.userId,
            created_at: now,
          })
          .execute();
        await trx
          .updateTable('comment_reports')
          .set({ resolved_at: now })
          .where('comment_id', '=', c.id)
          .where('resolved_at', 'is', null)
          .execute();
        const wasPublished = c.status === 'published';
        if (status === 'published' && !wasPublished && c.parent_id !== null)
          await replyPublished(trx, deps.config, c.id, c.parent_id, c.reader_id, now);
        if (status !== 'published' && wasPublished && c.parent_id !== null) {
          await trx
            .updateTable('comments')
            .set((eb) => ({ reply_count: eb('reply_count', '-', 1) }))
            .where('id', '=', c.parent_id)
            .execute();
        }
      };
      if (action === 'approve') await decide('published');
      else if (action === 'mask') await decide('published', maskProfanity(c.original));
      else {
        await decide(c.status === 'published' ? 'deleted_moderator' : 'rejected');
        if (action === 'suspend' && c.reader_id !== null) {
          const days = options.days ?? 7;
          const until = days === 0 ? null : now + days * 86_400_000;
          await trx
            .insertInto('comment_bans')
            .values({
              reader_id: c.reader_id,
              until,
              reason: options.note || 'moderator',
              staff_id: moderator.userId,
              created_at: now,
            })
            .onConflict((oc) =>
              oc.column('reader_id').doUpdateSet({
                until,
                reason: options.note || 'moderator',
                staff_id: moderator.userId,
                created_at: now,
              }),
            )
            .execute();
        }
      }
      await log(
        trx,
        moderator,
        action,
        c.id,
        c.reader_id,
        { from: c.status, ...(action === 'suspend' ? { days: options.days ?? 7 } : {}), note: options.note ?? '' },
        now,
      );
      const visible = await trx
        .selectFrom('comments')
        .select('status')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      // Approved from the queue: new to everyone else, as a freshly written comment is.
      const kind = visible.status === 'published' && c.status !== 'published' ? 'posted' : 'changed';
      changed.push({ articleId: c.article_id, id: c.id, kind });
    }
  });
  for (const c of changed) announceCommentChange(deps, { articleId: c.articleId, commentId: c.id, kind: c.kind });
  return changed.length;
}

export const QUEUE_REASONS = ['held', 'reported', 'appealed'] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

export interface QueueItem {
  id: number;
  articleId: number;
  headline: string;
  nickname: string | null;
  readerId: number | null;
  original: string;
  body: string;
  status: string;
  statusPhase: string | null;
  statusReason: string | null;
  reportCount: number;
  appealText: string | null;
  appealed: boolean;
  createdAt: number;
  decisions: Array<{
    phase: string;
    action: string;
    reason: string;
    evidence: string;
    staffId: number | null;
    createdAt: number;
  }>;
  reports: Array<{ kind: string; reason: string }>;
}

export async function moderationQueue(
  deps: AppDeps,
  moderator: Moderator,
  filter: { articleId?: number; reason?: QueueReason },
): Promise<QueueItem[]> {
  let q = deps.db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('readers as r', 'r.id', 'c.reader_id')
    .select([
      'c.id',
      'c.article_id',
      'a.headline',
      'r.nickname',
      'c.reader_id',
      'c.original',
      'c.body',
      'c.status',
      'c.status_phase',
      'c.status_reason',
      'c.report_count',
      'c.appeal_text',
      'c.appealed_at',
      'c.created_at',
    ])
    .where((eb) => {
      const held = eb('c.status', '=', 'held');
      const appealed = eb.and([eb('c.status', 'in', ['held', 'rejected']), eb('c.appealed_at', 'is not', null)]);
      const reported = eb.and([
        eb('c.status', '=', 'published'),
        eb.exists(
          eb
            .selectFrom('comment_reports as p')
            .select('p.comment_id')
            .whereRef('p.comment_id', '=', 'c.id')
            .where('p.kind', '=', 'report')
            .where('p.resolved_at', 'is', null),
        ),
      ]);
      return filter.reason === 'held'
        ? held
        : filter.reason === 'appealed'
          ? appealed
          : filter.reason === 'reported'
            ? reported
            : eb.or([held, appealed, reported]);
    });
  if (moderator.pressId !== null) q = q.where('a.press_id', '=', moderator.pressId);
  if (filter.articleId !== undefined) q = q.where('c.article_id', '=', filter.articleId);
  const rows = await q.orderBy('c.id', 'asc').limit(200).execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [decisions, reports] = await Promise.all([
    deps.db
      .selectFrom('comment_decisions')
      .select(['comment_id', 'phase', 'action', 'reason', 'evidence', 'staff_id', 'created_at'])
      .where('comment_id', 'in', ids)
      .orderBy('id')
      .execute(),
    deps.db
      .selectFrom('comment_reports')
      .select(['comment_id', 'kind', 'reason'])
      .where('comment_id', 'in', ids)
      .where('resolved_at', 'is', null)
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    headline: r.headline,
    nickname: r.nickname,
    readerId: r.reader_id,
    original: r.original,
    body: r.body,
    status: r.status,
    statusPhase: r.status_phase,
    statusReason: r.status_reason,
    reportCount: Number(r.report_count),
    appealText: r.appeal_text,
    appealed: r.appealed_at !== null,
    createdAt: Number(r.created_at),
    decisions: decisions
      .filter((d) => d.comment_id === r.id)
      .map((d) => ({
        phase: d.phase,
        action: d.action,
        reason: d.reason,
        evidence: d.evidence,
        staffId: d.staff_id,
        createdAt: Number(d.created_at),
      })),
    reports: reports.filter((p) => p.comment_id === r.id).map((p) => ({ kind: p.kind, reason: p.reason })),
  }));
}

export async function moderationLog(deps: AppDeps, limit = 200) {
  return deps.db
    .selectFrom('comment_moderation_log as l')
    .leftJoin('users as u', 'u.id', 'l.staff_id')
    .select(['l.id', 'l.action', 'l.comment_id', 'l.reader_id', 'l.detail', 'l.created_at', 'u.email'])
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}
