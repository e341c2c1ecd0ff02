// The comments part of a reader's export (/account/export) and of deleting the account: the
// reader's comments leave with them; one that carries others' replies stays as "작성자가 삭제한
// 댓글입니다" with no text and no author, so the replies keep their place. Their votes are taken
// back from the counts.
import type { ReaderDataPart } from '../capability.ts';
import { wilsonLowerBound } from './wilson.ts';

export const commentsDataPart: ReaderDataPart = {
  async export(deps, readerId) {
    const db = deps.db;
    const [comments, votes, reactions, reports, replyMail] = await Promise.all([
      db
        .selectFrom('comments')
        .select(['id', 'article_id', 'parent_id', 'original', 'status', 'status_phase', 'status_reason', 'created_at'])
        .where('reader_id', '=', readerId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('comment_votes')
        .select(['comment_id', 'value', 'created_at'])
        .where('reader_id', '=', readerId)
        .execute(),
      db
        .selectFrom('article_reactions')
        .select(['article_id', 'reaction', 'created_at'])
        .where('reader_id', '=', readerId)
        .execute(),
      db
        .selectFrom('comment_reports')
        .select(['comment_id', 'kind', 'reason', 'created_at'])
        .where('reader_id', '=', readerId)
        .execute(),
      db.selectFrom('comment_reply_mail').select('enabled').where('reader_id', '=', readerId).executeTakeFirst(),
    ]);
    return {
      comments: comments.map((c) => ({
        id: c.id,
        articleId: c.article_id,
        parentId: c.parent_id,
        text: c.original,
        status: c.status,
        decidedBy: c.status_phase,
        reason: c.status_reason,
        createdAt: new Date(Number(c.created_at)).toISOString(),
      })),
      votes: votes.map((v) => ({
        commentId: v.comment_id,
        vote: v.value === 1 ? 'like' : 'dislike',
        at: new Date(Number(v.created_at)).toISOString(),
      })),
      reactions: reactions.map((r) => ({
        articleId: r.article_id,
        reaction: r.reaction,
        at: new Date(Number(r.created_at)).toISOString(),
      })),
      reports: reports.map((r) => ({
        commentId: r.comment_id,
        kind: r.kind,
        reason: r.reason,
        at: new Date(Number(r.created_at)).toISOString(),
      })),
      replyMail: replyMail?.enabled === 1,
    };
  },

  async delete(_deps, readerId, trx) {
    const now = Date.now();
    const votes = await trx
      .selectFrom('comment_votes')
      .select(['comment_id', 'value'])
      .where('reader_id', '=', readerId)
      .execute();
    for (const v of votes) {
      const counts = await trx
        .updateTable('comments')
        .set((eb) => (v.value === 1 ? { likes: eb('likes', '-', 1) } : { dislikes: eb('dislikes', '-', 1) }))
        .where('id', '=', v.comment_id)
        .returning(['likes', 'dislikes'])
        .executeTakeFirst();
      if (counts)
        await trx
          .updateTable('comments')
          .set({ wilson: wilsonLowerBound(counts.likes, counts.dislikes) })
          .where('id', '=', v.comment_id)
          .execute();
    }
    await trx.deleteFrom('comment_votes').where('reader_id', '=', readerId).execute();
    // Replies by others keep their parent; the parent loses its text and author.
    await trx
      .updateTable('comments')
      .set({
        status: 'deleted_author',
        body: '',
        original: '',
        body_key: '',
        reader_id: null,
        status_phase: 'author',
        status_reason: 'account-deleted',
        updated_at: now,
      })
      .where('reader_id', '=', readerId)
      .where((eb) =>
        eb.exists(eb.selectFrom('comments as r').select('r.id').whereRef('r.parent_id', '=', 'comments.id')),
      )
      .execute();
    const own = await trx
      .selectFrom('comments')
      .select(['id', 'parent_id', 'status'])
      .where('reader_id', '=', readerId)
      .execute();
    for (const c of own) {
      if (c.parent_id !== null && c.status === 'published') {
        await trx
          .updateTable('comments')
          .set((eb) => ({ reply_count: eb('reply_count', '-', 1) }))
          .where('id', '=', c.parent_id)
          .execute();
      }
    }
    await trx.deleteFrom('comments').where('reader_id', '=', readerId).execute();
    for (const table of [
      'article_reactions',
      'comment_reports',
      'comment_counters',
      'comment_bans',
      'comment_reader_prefs',
      'comment_notifications',
      'comment_reply_mail',
    ] as const) {
      await trx.deleteFrom(table).where('reader_id', '=', readerId).execute();
    }
    await trx
      .deleteFrom('comment_hidden_authors')
      .where((eb) => eb.or([eb('reader_id', '=', readerId), eb('author_id', '=', readerId)]))
      .execute();
  },
};
