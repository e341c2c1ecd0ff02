// The `issues.assign` job: puts one committed article into its issue (or takes it out when it was
// withdrawn). Idempotent: a membership computed from the article's current revision is left alone,
// so a job that runs twice (a crash after commit, before the queue marked it done) changes nothing.
import type { AppDeps } from '../deps.ts';
import { discardEngine, engineFor, ensureCluster, markCurrent } from './engine-cache.ts';
import type { ClusterEngine, DocVector } from './engine.ts';
import { articleTerms } from './features.ts';
import { SHIPPED_CLUSTERING } from './settings.ts';
import {
  addDocumentFrequencies,
  bumpState,
  createIssue,
  exclusionsOf,
  findMembership,
  loadArticle,
  mergeIssueRows,
  putMembership,
  readStateForUpdate,
  refreshIssue,
  type ArticleForIssue,
  type Membership,
  type Trx,
} from './store.ts';
import { exportVector, importVector } from './engine-io.ts';
import { announceIssueChanges } from './announce.ts';
import { splitOffSecondStory } from './split-store.ts';

export const ASSIGN_JOB = 'issues.assign';

/** Terms a membership row keeps of its article's vector (enough to take it back out of a centroid). */
const KEPT_VECTOR_TERMS = 48;
const EVICT_EVERY = 1000;

export type AssignOutcome =
  | { action: 'assigned'; issueId: number; created: boolean; absorbed: number[]; splitInto?: number }
  | { action: 'removed'; issueId: number }
  | { action: 'unchanged'; issueId: number | null };

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'config' | 'changes'>;

export async function assignArticle(deps: Deps, articleId: number, now = Date.now()): Promise<AssignOutcome> {
  let formerIssue: number | null = null;
  try {
    const result = await deps.db.transaction().execute(async (trx): Promise<AssignOutcome> => {
      const state = await readStateForUpdate(trx, deps.dialect);
      const cached = await engineFor(deps.db, trx, state);
      const article = await loadArticle(trx, articleId);
      const member = await findMembership(trx, articleId);
      formerIssue = member?.issue_id ?? null;
      let outcome: AssignOutcome;
      let docsAdded = 0;
      if (!article || article.status !== 'usable') {
        if (!member) return { action: 'unchanged', issueId: null };
        outcome = await removeMember(trx, cached.engine, member, deps, now);
      } else if (member && member.revision === article.revision) {
        return { action: 'unchanged', issueId: member.issue_id };
      } else {
        docsAdded = member ? 0 : 1;
        outcome = await placeArticle(trx, cached.engine, article, member, deps, now);
      }
      const next = await bumpState(trx, docsAdded);
      markCurrent(deps.db, cached, next.seq);
      return outcome;
    });
    if (result.action !== 'unchanged') {
      const issues = [result.issueId, ...(result.action === 'assigned' ? result.absorbed : [])];
      if (result.action === 'assigned' && result.splitInto !== undefined) issues.push(result.splitInto);
      announceIssueChanges(deps, formerIssue === null ? issues : [...issues, formerIssue], articleId);
    }
    return result;
  } catch (err) {
    // The in-memory engine may hold changes the rollback undid; the next run reloads it.
    discardEngine(deps.db);
    throw err;
  }
}

function storedVector(engine: ClusterEngine, m: Membership): DocVector {
  return importVector(engine, m.vector);
}

async function removeMember(
  trx: Trx,
  engine: ClusterEngine,
  m: Membership,
  deps: Deps,
  now: number,
): Promise<AssignOutcome> {
  await ensureCluster(trx, engine, m.issue_id);
  engine.remove(m.issue_id, storedVector(engine, m));
  await trx.deleteFrom('issue_articles').where('article_id', '=', m.article_id).execute();
  await trx
    .updateTable('issues')
    .set({ pinned_article_id: null })
    .where('id', '=', m.issue_id)
    .where('pinned_article_id', '=', m.article_id)
    .execute();
  await refreshIssue(trx, engine, m.issue_id, { minPresses: deps.config.issueMinPresses, now, full: true });
  return { action: 'removed', issueId: m.issue_id };
}

async function placeArticle(
  trx: Trx,
  engine: ClusterEngine,
  article: ArticleForIssue,
  member: Membership | undefined,
  deps: Deps,
  now: number,
): Promise<AssignOutcome> {
  const minPresses = deps.config.issueMinPresses;
  const bag = articleTerms(article.headline, article.body_text, SHIPPED_CLUSTERING.features);
  let vec: DocVector;
  if (member) {
    // A revision: the IDF already counted this article once; only its vector changes.
    vec = engine.vectorOf(bag);
    await ensureCluster(trx, engine, member.issue_id);
    engine.remove(member.issue_id, storedVector(engine, member));
  } else {
    vec = engine.observe(bag);
    await addDocumentFrequencies(trx, [...bag.keys()]);
  }
  const time = article.first_created_at;
  // Issues past the horizon are never candidates anyway; letting go of them bounds the memory.
  if (engine.vocab.docs % EVICT_EVERY === 0) engine.evictIdle(time);
  let issueId: number;
  let similarity = 1;
  let created = false;
  let absorbed: number[] = [];
  if (member?.locked) {
    issueId = member.issue_id;
    engine.add(issueId, vec, time, article.id);
  } else {
    const exclude = await exclusionsOf(trx, article.id);
    const match = engine.bestMatch(vec, time, exclude);
    if (match) {
      issueId = match.clusterId;
      similarity = match.similarity;
      absorbed = engine.join(issueId, vec, time, exclude, article.id);
    } else {
      issueId = await createIssue(trx, article.headline, time, now);
      created = true;
      engine.createCluster(time, issueId);
      engine.add(issueId, vec, time, article.id);
    }
  }
  const vector = JSON.stringify(exportVector(engine, vec, KEPT_VECTOR_TERMS));
  await putMembership(trx, { article, issueId, similarity, locked: member?.locked ?? 0, vector, now });
  for (const gone of absorbed) await mergeIssueRows(trx, gone, issueId, now);
  const split = created ? null : await splitOffSecondStory(trx, engine, issueId, article.id, { minPresses, now });
  const joined = issueId;
  if (split?.moved.includes(article.id)) issueId = split.into;
  const size = engine.clusters.get(issueId)?.size ?? 1;
  // Names and top terms settle quickly; recomputing them on every join of a big issue buys nothing.
  const full = size <= 8 || size % 8 === 0 || absorbed.length > 0;
  // A split refreshed both of its issues already.
  if (!split) await refreshIssue(trx, engine, issueId, { minPresses, now, full });
  if (member && member.issue_id !== issueId && member.issue_id !== joined) {
    await refreshIssue(trx, engine, member.issue_id, { minPresses, now, full: true });
  }
  return { action: 'assigned', issueId, created, absorbed, ...(split ? { splitInto: split.into } : {}) };
}
