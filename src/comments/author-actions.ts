// What an author does with their own comment: delete it (the text goes; a comment with replies
// stays as "작성자가 삭제한 댓글입니다"), or appeal a hold or rejection once, to the queue.
import type { AppDeps } from '../capability.ts';
import { Errors } from '../errors.ts';
import type { ReaderAccount } from '../readers/index.ts';
import { announceCommentChange } from './changes.ts';

export const APPEAL_MAX_CHARS = 500;

export async function deleteOwnComment(
  deps: AppDeps,
  reader: Pick<ReaderAccount, 'id'>,
  commentId: number,
  now = Date.now(),
): Promise<{ articleId: number }> {
  const out = await deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('comments')
      .select(['reader_id', 'status', 'parent_id', 'article_id'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!c || c.reader_id !== reader.id || c.status === 'deleted_author' || c.status === 'deleted_moderator')
      throw Errors.notFound('comment');
    await trx
      .updateTable('comments')
      .set({
        status: 'deleted_author',
        body: '',
        original: '',
        status_phase: 'author',
        status_reason: 'deleted-by-author',
        updated_at: now,
      })
      .where('id', '=', commentId)
      .execute();
    if (c.parent_id !== null && c.status === 'published') {
      await trx
        .updateTable('comments')
        .set((eb) => ({ reply_count: eb('reply_count', '-', 1) }))
        .where('id', '=', c.parent_id)
        .execute();
    }
    return { articleId: c.article_id };
  });
  announceCommentChange(deps, { articleId: out.articleId, commentId, kind: 'changed' });
  return out;
}

export async function appealComment(
  deps: AppDeps,
  reader: Pick<ReaderAccount, 'id'>,
  commentId: number,
  text: string,
  now = Date.now(),
): Promise<void> {
  const why = text.trim().slice(0, APPEAL_MAX_CHARS);
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('comments')
      .set({ appealed_at: now, appeal_text: why })
      .where('id', '=', commentId)
      .where('reader_id', '=', reader.id)
      .where('status', 'in', ['held', 'rejected'])
      .where('appealed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw Errors.commentAppealUsed();
    await trx
      .insertInto('comment_decisions')
      .values({
        comment_id: commentId,
        phase: 'appeal',
        action: 'appeal',
        reason: 'appeal',
        evidence: JSON.stringify({ text: why }),
        staff_id: null,
        created_at: now,
      })
      .execute();
  });
}
