// The split step as the tables see it: when a join (of article `joined`) leaves an issue holding two stories (split.ts),
// the part without the issue's lead moves to a new issue row. The old issue keeps its id, lead,
// name and so its slug; the new one is born like any issue (id + its own headline). Curated issues
// never split, and a locked article never moves.
import type { ClusterEngine } from './engine.ts';
import { createIssue, refreshIssue, type Trx } from './store.ts';

export interface SplitOff {
  /** The new issue the smaller story moved to. */
  into: number;
  moved: number[];
}

export async function splitOffSecondStory(
  trx: Trx,
  engine: ClusterEngine,
  issueId: number,
  joined: number,
  opts: { minPresses: number; now: number },
  /** Writes the caller still holds back (memberships), run before the split reads any row. */
  beforeRead: () => Promise<void> = async () => {},
): Promise<SplitOff | null> {
  // Asked in memory first: nearly every join ends here, without a read.
  if (!engine.joinMayPart(issueId, joined) || !engine.findSplit(issueId)) return null;
  await beforeRead();
  const issue = await trx
    .selectFrom('issues')
    .select(['curated', 'lead_article_id', 'pinned_article_id', 'merged_into'])
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!issue || issue.curated || issue.merged_into !== null) return null;
  const parts = engine.findSplit(issueId, issue.pinned_article_id ?? issue.lead_article_id ?? undefined);
  if (!parts) return null;
  const moved = [...parts.move];
  const rows = await trx
    .selectFrom('issue_articles')
    .innerJoin('articles', 'articles.id', 'issue_articles.article_id')
    .select(['issue_articles.article_id', 'issue_articles.locked', 'issue_articles.published_at', 'articles.headline'])
    .where('issue_articles.issue_id', '=', issueId)
    .where('issue_articles.article_id', 'in', moved)
    .orderBy('issue_articles.published_at')
    .orderBy('issue_articles.article_id')
    .execute();
  if (rows.length !== moved.length || rows.some((r) => r.locked)) return null;
  // Named, for now, after its first article; refreshIssue then names it as every issue is named.
  const first = rows[0]!;
  const into = await createIssue(trx, first.headline, Number(first.published_at), opts.now);
  engine.split(issueId, parts.move, into);
  await trx.updateTable('issue_articles').set({ issue_id: into }).where('article_id', 'in', moved).execute();
  await refreshIssue(trx, engine, into, { ...opts, full: true });
  await refreshIssue(trx, engine, issueId, { ...opts, full: true });
  return { into, moved };
}
