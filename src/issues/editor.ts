// Editors' decisions: rename, merge, move an article out (split), pin the lead, hide, lock an article
// to an issue. Each marks the issues it touches as curated and is logged; the algorithm then never
// merges a curated issue, never renames over an editor's name, never moves a locked article and
// never puts an article back into an issue it was moved out of.
import type { AppDeps } from '../deps.ts';
import { type AppError, Errors } from '../errors.ts';
import { discardEngine, engineFor, ensureCluster, markCurrent } from './engine-cache.ts';
import type { ClusterEngine } from './engine.ts';
import { bumpState, createIssue, mergeIssueRows, readStateForUpdate, refreshIssue, type Trx } from './store.ts';
import { importVector } from './engine-io.ts';
import { announceIssueChanges } from './announce.ts';

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'config' | 'changes'>;

export type EditorAction =
  | { action: 'rename'; issueId: number; name: string }
  | { action: 'merge'; issueId: number; intoIssueId: number }
  | { action: 'move-out'; issueId: number; articleId: number; toIssueId?: number }
  | { action: 'pin-lead'; issueId: number; articleId: number | null }
  | { action: 'hide'; issueId: number; hidden: boolean }
  | { action: 'lock'; issueId: number; articleId: number };

export const MAX_ISSUE_NAME = 120;

/** Applies one editor decision; returns the issue the editor should see next (merges and splits move them). */
export async function applyEditorAction(
  deps: Deps,
  userId: number | null,
  a: EditorAction,
  now = Date.now(),
): Promise<number> {
  const touched: number[] = [];
  try {
    const next = await deps.db.transaction().execute(async (trx) => {
      const state = await readStateForUpdate(trx, deps.dialect);
      const cached = await engineFor(deps.db, trx, state);
      const engine = cached.engine;
      const issue = await liveIssue(trx, a.issueId);
      const refresh = (id: number) =>
        refreshIssue(trx, engine, id, { minPresses: deps.config.issueMinPresses, now, full: true });
      await ensureCluster(trx, engine, issue);
      let next = issue;
      let other: number | null = null;
      switch (a.action) {
        case 'rename': {
          const name = a.name.trim().replace(/\s+/g, ' ');
          if (!name || [...name].length > MAX_ISSUE_NAME) throw badName();
          await trx.updateTable('issues').set({ editor_name: name }).where('id', '=', issue).execute();
          break;
        }
        case 'merge': {
          const into = await liveIssue(trx, a.intoIssueId);
          if (into === issue) throw Errors.issueMergeSelf();
          await ensureCluster(trx, engine, into);
          engine.merge(issue, into);
          await mergeIssueRows(trx, issue, into, now);
          await curate(trx, engine, into);
          await refresh(into);
          next = other = into;
          break;
        }
        case 'move-out':
        case 'lock': {
          next = other = await moveArticle(trx, engine, issue, a, now, deps.config.issueMinPresses);
          if (next !== issue) await refresh(next);
          break;
        }
        case 'pin-lead': {
          if (a.articleId !== null) await requireMember(trx, issue, a.articleId);
          await trx.updateTable('issues').set({ pinned_article_id: a.articleId }).where('id', '=', issue).execute();
          break;
        }
        case 'hide':
          await trx
            .updateTable('issues')
            .set({ hidden: a.hidden ? 1 : 0 })
            .where('id', '=', issue)
            .execute();
          break;
      }
      await curate(trx, engine, issue);
      await refresh(issue);
      await trx
        .insertInto('issue_decisions')
        .values({
          issue_id: issue,
          action: a.action,
          article_id: 'articleId' in a ? a.articleId : null,
          other_issue_id: other,
          user_id: userId,
          detail: a.action === 'rename' ? a.name : a.action === 'hide' ? String(a.hidden) : null,
          created_at: now,
        })
        .execute();
      const nextState = await bumpState(trx, 0);
      markCurrent(deps.db, cached, nextState.seq);
      touched.push(issue, next);
      if (other !== null) touched.push(other);
      return next;
    });
    announceIssueChanges(deps, touched, 'articleId' in a ? a.articleId : null);
    return next;
  } catch (err) {
    discardEngine(deps.db);
    throw err;
  }
}

function badName(): AppError {
  return Errors.issueNameInvalid(MAX_ISSUE_NAME);
}

/** The issue's id, following merges (an editor acting on a stale page acts on the survivor). */
async function liveIssue(trx: Trx, id: number): Promise<number> {
  for (let hops = 0, cur = id; hops < 20; hops++) {
    const row = await trx.selectFrom('issues').select(['id', 'merged_into']).where('id', '=', cur).executeTakeFirst();
    if (!row) break;
    if (row.merged_into === null) return row.id;
    cur = row.merged_into;
  }
  throw Errors.notFound('issue');
}

async function requireMember(trx: Trx, issueId: number, articleId: number) {
  const m = await trx
    .selectFrom('issue_articles')
    .innerJoin('articles', 'articles.id', 'issue_articles.article_id')
    .select(['issue_articles.issue_id', 'issue_articles.vector', 'issue_articles.locked', 'articles.headline'])
    .where('issue_articles.article_id', '=', articleId)
    .executeTakeFirst();
  if (!m || m.issue_id !== issueId) throw Errors.issueArticleNotMember();
  return m;
}

async function curate(trx: Trx, engine: ClusterEngine, issueId: number): Promise<void> {
  engine.frozen.add(issueId);
  await trx.updateTable('issues').set({ curated: 1 }).where('id', '=', issueId).execute();
}

/**
 * move-out: the article leaves `issue` for `toIssueId` (or a new issue of its own) and may never be
 * put back. lock: the article is pinned to `issue`, coming over from wherever it was.
 * Either way the article ends locked where the editor put it.
 */
async function moveArticle(
  trx: Trx,
  engine: ClusterEngine,
  issue: number,
  a: Extract<EditorAction, { action: 'move-out' | 'lock' }>,
  now: number,
  minPresses: number,
): Promise<number> {
  const current = await trx
    .selectFrom('issue_articles')
    .innerJoin('articles', 'articles.id', 'issue_articles.article_id')
    .select(['issue_articles.issue_id', 'issue_articles.vector', 'articles.headline', 'articles.first_created_at'])
    .where('issue_articles.article_id', '=', a.articleId)
    .executeTakeFirst();
  if (!current) throw Errors.issueArticleNotMember('That article is not in any issue yet.');
  if (a.action === 'move-out' && current.issue_id !== issue) {
    throw Errors.issueArticleNotMember();
  }
  let target: number;
  if (a.action === 'lock') target = issue;
  else if (a.toIssueId !== undefined) target = await liveIssue(trx, a.toIssueId);
  else target = await createIssue(trx, current.headline, current.first_created_at, now);
  if (a.action === 'move-out') {
    if (target === issue) throw Errors.issueMoveSame();
    await trx
      .insertInto('issue_exclusions')
      .values({ article_id: a.articleId, issue_id: issue })
      .onConflict((oc) => oc.columns(['article_id', 'issue_id']).doNothing())
      .execute();
  }
  const vec = importVector(engine, current.vector);
  if (current.issue_id !== target) {
    await ensureCluster(trx, engine, current.issue_id);
    engine.remove(current.issue_id, vec);
    await ensureCluster(trx, engine, target);
    if (!engine.clusters.has(target)) engine.createCluster(current.first_created_at, target);
    engine.add(target, vec, current.first_created_at);
    await trx
      .updateTable('issues')
      .set({ pinned_article_id: null })
      .where('id', '=', current.issue_id)
      .where('pinned_article_id', '=', a.articleId)
      .execute();
  }
  await trx
    .updateTable('issue_articles')
    .set({ issue_id: target, locked: 1, assigned_at: now })
    .where('article_id', '=', a.articleId)
    .execute();
  await curate(trx, engine, target);
  if (current.issue_id !== target && current.issue_id !== issue) {
    await refreshIssue(trx, engine, current.issue_id, { minPresses, now, full: true });
  }
  return target;
}
