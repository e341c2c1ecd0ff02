// Writing a comment or reply: who may (readers' rule, then this article's window), the pipeline's
// phases, the limits, and the row with its decisions, all in one transaction. A refusal leaves
// nothing behind; a held or rejected comment is stored so its author sees why and may appeal.
import type { AppDeps, Trx } from '../capability.ts';
import { Errors } from '../errors.ts';
import { readerParticipation, type ReaderAccount } from '../readers/index.ts';
import { commentArticle } from './article-ref.ts';
import { announceCommentChange } from './changes.ts';
import { commentCounters, takeCounters } from './counters.ts';
import { PHASES } from './pipeline/phases.ts';
import { type Decision, runPipeline } from './pipeline/run.ts';
import type { Phase } from './pipeline/phase.ts';
import { joinReplyBatch } from './reply-mail.ts';
import { cleanCommentText, COMMENT_MAX_CHARS, textKey } from './text-key.ts';
import { defaultToxicityModel, assessComment, type CommentAssessment } from './toxicity/index.ts';
import { commentWindow } from './windows.ts';

export interface PostInput {
  articleId: number;
  parentId?: number | null;
  body: string;
}

export interface PostResult {
  id: number;
  articleId: number;
  status: 'published' | 'held' | 'rejected';
  deciding: Decision | undefined;
}

/** Why a reader may not write at all now, as COMMENT_NOT_ALLOWED; undefined when they may. */
export function participationError(
  reader: Pick<ReaderAccount, 'emailVerified' | 'suspended' | 'createdAt'>,
  config: AppDeps['config'],
  now: number,
) {
  const p = readerParticipation(reader, config, now);
  if (p.ok) return undefined;
  return Errors.commentNotAllowed(p.until ? `${p.reason} until ${new Date(p.until).toISOString()}` : p.reason);
}

export async function postComment(
  deps: AppDeps,
  reader: ReaderAccount,
  input: PostInput,
  options: { now?: number; phases?: readonly Phase[] } = {},
): Promise<PostResult> {
  const now = options.now ?? Date.now();
  const refused = participationError(reader, deps.config, now);
  if (refused) throw refused;
  // A body far over the limit is not worth cleaning or scoring.
  if (input.body.length > COMMENT_MAX_CHARS * 8)
    throw Errors.validation(
      [{ path: 'body', message: 'too long' }],
      `A comment has at most ${COMMENT_MAX_CHARS} characters.`,
    );
  const article = await commentArticle(deps.db, input.articleId);
  if (!article) throw Errors.notFound('article');
  const window = commentWindow(article, now);
  if (!window.open) throw Errors.commentsClosed(window.reason);
  const text = cleanCommentText(input.body);
  const parentId = input.parentId ?? null;

  const result = await deps.db.transaction().execute(async (trx) => {
    if (parentId !== null) {
      const parent = await trx
        .selectFrom('comments')
        .select(['article_id', 'parent_id', 'status'])
        .where('id', '=', parentId)
        .executeTakeFirst();
      // One level of replies: a reply answers a published comment on the same article.
      if (!parent || parent.article_id !== article.id || parent.status !== 'published')
        throw Errors.notFound('comment');
      if (parent.parent_id !== null)
        throw Errors.validation(
          [{ path: 'parentId', message: 'replies take no replies' }],
          'Reply to the comment, not to a reply.',
        );
    }
    let assessed: CommentAssessment | undefined;
    const draft = {
      reader: { id: reader.id, createdAt: reader.createdAt },
      article,
      parentId,
      text,
      key: textKey(text),
      now,
    };
    const outcome = await runPipeline(options.phases ?? PHASES, {
      deps,
      trx,
      draft,
      assessment: () => (assessed ??= assessComment(defaultToxicityModel(), draft.text, article.headline)),
    });
    await takeCounters(trx, reader.id, commentCounters(deps.config, article.id, parentId !== null, now), now);
    const row = await trx
      .insertInto('comments')
      .values({
        article_id: article.id,
        parent_id: parentId,
        reader_id: reader.id,
        body: outcome.text,
        original: text,
        body_key: draft.key,
        status: outcome.status,
        status_phase: outcome.deciding?.phase ?? null,
        status_reason: outcome.deciding?.reason ?? null,
        flagged: outcome.flagged ? 1 : 0,
        appealed_at: null,
        appeal_text: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (outcome.decisions.length) {
      await trx
        .insertInto('comment_decisions')
        .values(
          outcome.decisions.map((d) => ({
            comment_id: row.id,
            phase: d.phase,
            action: d.action,
            reason: d.reason,
            evidence: JSON.stringify(d.evidence),
            staff_id: null,
            created_at: now,
          })),
        )
        .execute();
    }
    if (outcome.status === 'published' && parentId !== null)
      await replyPublished(trx, deps.config, row.id, parentId, reader.id, now);
    return { id: row.id, articleId: article.id, status: outcome.status, deciding: outcome.deciding };
  });
  if (result.status === 'published')
    announceCommentChange(deps, { articleId: article.id, commentId: result.id, kind: 'posted' });
  return result;
}

/** A reply became visible: its parent's count goes up, and the parent's author is told. */
export async function replyPublished(
  trx: Trx,
  config: AppDeps['config'],
  replyId: number,
  parentId: number,
  replierId: number | null,
  now: number,
): Promise<void> {
  const parent = await trx
    .updateTable('comments')
    .set((eb) => ({ reply_count: eb('reply_count', '+', 1) }))
    .where('id', '=', parentId)
    .returning('reader_id')
    .executeTakeFirst();
  // Never for a reply by the author to themselves.
  if (parent?.reader_id != null && parent.reader_id !== replierId) {
    // Before the notification: the batch's row lock orders it (reply-mail.ts).
    await joinReplyBatch(trx, config, parent.reader_id, now);
    await trx
      .insertInto('comment_notifications')
      .values({ reader_id: parent.reader_id, comment_id: replyId, read_at: null, created_at: now })
      .execute();
  }
}
