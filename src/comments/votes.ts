// 공감/비공감: one vote per reader per comment. The same vote again takes it back; the other vote
// switches it. Adding or switching counts against the like limits; taking back does not.
import type { AppDeps } from '../capability.ts';
import { Errors } from '../errors.ts';
import type { ReaderAccount } from '../readers/index.ts';
import { likeCounters, takeCounters } from './counters.ts';
import { participationError } from './post.ts';
import { wilsonLowerBound } from './wilson.ts';

export type Vote = 'like' | 'dislike';

export interface VoteResult {
  likes: number;
  dislikes: number;
  /** The reader's vote now. */
  mine: Vote | null;
}

export async function voteComment(
  deps: AppDeps,
  reader: ReaderAccount,
  commentId: number,
  vote: Vote,
  now = Date.now(),
): Promise<VoteResult> {
  const refused = participationError(reader, deps.config, now);
  if (refused) throw refused;
  const value = vote === 'like' ? 1 : -1;
  return deps.db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom('comments')
      .select(['reader_id', 'status'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (comment?.status !== 'published') throw Errors.notFound('comment');
    if (comment.reader_id === reader.id) throw Errors.commentNotAllowed('own comment');
    const existing = await trx
      .selectFrom('comment_votes')
      .select('value')
      .where('comment_id', '=', commentId)
      .where('reader_id', '=', reader.id)
      .executeTakeFirst();
    let likeDelta = 0;
    let dislikeDelta = 0;
    let mine: Vote | null;
    if (existing?.value === value) {
      await trx
        .deleteFrom('comment_votes')
        .where('comment_id', '=', commentId)
        .where('reader_id', '=', reader.id)
        .execute();
      if (value === 1) likeDelta = -1;
      else dislikeDelta = -1;
      mine = null;
    } else {
      await takeCounters(trx, reader.id, likeCounters(deps.config, now), now);
      if (existing) {
        await trx
          .updateTable('comment_votes')
          .set({ value, created_at: now })
          .where('comment_id', '=', commentId)
          .where('reader_id', '=', reader.id)
          .execute();
        if (value === 1) dislikeDelta = -1;
        else likeDelta = -1;
      } else {
        await trx
          .insertInto('comment_votes')
          .values({ comment_id: commentId, reader_id: reader.id, value, created_at: now })
          .execute();
      }
      if (value === 1) likeDelta += 1;
      else dislikeDelta += 1;
      mine = vote;
    }
    const counts = await trx
      .updateTable('comments')
      .set((eb) => ({ likes: eb('likes', '+', likeDelta), dislikes: eb('dislikes', '+', dislikeDelta) }))
      .where('id', '=', commentId)
      .returning(['likes', 'dislikes'])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('comments')
      .set({ wilson: wilsonLowerBound(counts.likes, counts.dislikes) })
      .where('id', '=', commentId)
      .execute();
    return { likes: counts.likes, dislikes: counts.dislikes, mine };
  });
}
