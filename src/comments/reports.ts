// Reports (신고) with a reason go to the moderators' queue; fold requests (접기 요청) fold a
// comment (not remove it) once SOSIK_COMMENT_FOLD_AT readers asked. One of each per reader per
// comment. A reader may also hide one commenter, or show what the filter flagged.
import type { AppDeps } from '../capability.ts';
import { Errors } from '../errors.ts';
import type { ReaderAccount } from '../readers/index.ts';
import { participationError } from './post.ts';

export const REPORT_REASONS = ['spam', 'abuse', 'hate', 'privacy', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export async function reportComment(
  deps: AppDeps,
  reader: ReaderAccount,
  commentId: number,
  kind: 'report' | 'fold',
  reason: ReportReason | 'fold',
  now = Date.now(),
): Promise<{ counted: boolean }> {
  const refused = participationError(reader, deps.config, now);
  if (refused) throw refused;
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('comments')
      .select(['reader_id', 'status'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (c?.status !== 'published') throw Errors.notFound('comment');
    if (c.reader_id === reader.id) throw Errors.commentNotAllowed('own comment');
    const added = await trx
      .insertInto('comment_reports')
      .values({ comment_id: commentId, reader_id: reader.id, kind, reason, resolved_at: null, created_at: now })
      .onConflict((oc) => oc.columns(['comment_id', 'reader_id', 'kind']).doNothing())
      .returning('comment_id')
      .executeTakeFirst();
    if (!added) return { counted: false };
    await trx
      .updateTable('comments')
      .set((eb) =>
        kind === 'report' ? { report_count: eb('report_count', '+', 1) } : { fold_count: eb('fold_count', '+', 1) },
      )
      .where('id', '=', commentId)
      .execute();
    return { counted: true };
  });
}

export async function setShowFlagged(deps: AppDeps, readerId: number, show: boolean): Promise<void> {
  await deps.db
    .insertInto('comment_reader_prefs')
    .values({ reader_id: readerId, show_flagged: show ? 1 : 0 })
    .onConflict((oc) => oc.column('reader_id').doUpdateSet({ show_flagged: show ? 1 : 0 }))
    .execute();
}

export async function hideAuthor(deps: AppDeps, readerId: number, commentId: number, now = Date.now()): Promise<void> {
  const c = await deps.db.selectFrom('comments').select('reader_id').where('id', '=', commentId).executeTakeFirst();
  if (!c?.reader_id || c.reader_id === readerId) throw Errors.notFound('comment');
  await deps.db
    .insertInto('comment_hidden_authors')
    .values({ reader_id: readerId, author_id: c.reader_id, created_at: now })
    .onConflict((oc) => oc.columns(['reader_id', 'author_id']).doNothing())
    .execute();
}
