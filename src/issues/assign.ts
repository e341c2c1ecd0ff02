// The `issues.assign` job: puts committed articles into their issues (or takes them out when they
// were withdrawn). Idempotent: a membership computed from the article's current revision is left
// alone, so a job that runs twice (a crash after commit, before the queue marked it done) changes
// nothing. Many articles are assigned in one transaction (the job's runBatch): the engine decides
// one article after another exactly as one by one, but the articles, memberships and exclusions
// are read at once, document frequencies written once, and each touched issue refreshed once.
import type { AppDeps } from '../deps.ts';
import { discardEngine, engineFor, ensureCluster, markCurrent } from './engine-cache.ts';
import type { ClusterEngine, DocVector } from './engine.ts';
import { articleTerms } from './features.ts';
import { SHIPPED_CLUSTERING } from './settings.ts';
import { addDocumentFrequencyCounts, exclusionsOfMany, findMemberships, loadArticles } from './batch-reads.ts';
import {
  bumpState,
  createIssue,
  findMembership,
  mergeIssueRows,
  putMemberships,
  readStateForUpdate,
  refreshIssues,
  type ArticleForIssue,
  type Membership,
  type MembershipWrite,
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

/**
 * Membership rows the batch decided, written together: before anything reads or moves members by
 * issue (a merge, a split, the refreshes, a second look at a membership), and at the end.
 */
class PendingMemberships {
  private rows: MembershipWrite[] = [];
  constructor(private readonly trx: Trx) {}
  add(row: MembershipWrite): void {
    this.rows.push(row);
  }
  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    await putMemberships(this.trx, rows);
  }
}

/** What a batch does to issues after its decisions: refresh each touched issue once (full if any asked). */
class PendingRefreshes {
  readonly full = new Map<number, boolean>();
  readonly retired = new Set<number>();
  /** A split moved members to a new issue: memberships read at the batch's start may be stale. */
  membersMoved = false;
  touch(issueId: number, full: boolean): void {
    this.retired.delete(issueId);
    this.full.set(issueId, (this.full.get(issueId) ?? false) || full);
  }
  /** Merged away: its row was retired by mergeIssueRows, a refresh would only undo that. */
  retire(issueId: number): void {
    this.full.delete(issueId);
    this.retired.add(issueId);
  }
}

export async function assignArticle(deps: Deps, articleId: number, now = Date.now()): Promise<AssignOutcome> {
  const [outcome] = await assignArticles(deps, [articleId], now);
  return outcome!;
}

/** Assigns each article in order (duplicates once) in one transaction; one outcome per distinct id. */
export async function assignArticles(
  deps: Deps,
  articleIds: readonly number[],
  now = Date.now(),
): Promise<AssignOutcome[]> {
  const ids = [...new Set(articleIds)];
  const formerIssues = new Map<number, number>();
  // The terms of each article are its text's alone: worked out before the transaction, so the
  // write lock is held for the engine's decisions and the writes only (an article revised
  // meanwhile is analysed again inside).
  const bags = new Map<number, { revision: number; bag: TermBag }>();
  for (const a of (await loadArticles(deps.db, ids)).values())
    if (a.status === 'usable') bags.set(a.id, { revision: a.revision, bag: termsOf(a) });
  try {
    const outcomes = await deps.db.transaction().execute(async (trx): Promise<AssignOutcome[]> => {
      const state = await readStateForUpdate(trx, deps.dialect);
      const cached = await engineFor(deps.db, trx, state);
      // One after another: a PostgreSQL transaction is one connection, it runs one query at a time.
      const articles = await loadArticles(trx, ids);
      const members = await findMemberships(trx, ids);
      const exclusions = await exclusionsOfMany(trx, ids);
      const refreshes = new PendingRefreshes();
      const writes = new PendingMemberships(trx);
      const termCounts = new Map<string, number>();
      const results: AssignOutcome[] = [];
      let docsAdded = 0;
      let changed = false;
      for (const id of ids) {
        const article = articles.get(id);
        // An issue merged away (or split) earlier in this batch took members along: read the row again.
        const reread = refreshes.retired.size > 0 || refreshes.membersMoved;
        if (reread) await writes.flush();
        const member = reread ? await findMembership(trx, id) : members.get(id);
        if (member) formerIssues.set(id, member.issue_id);
        if (article?.status !== 'usable') {
          if (!member) results.push({ action: 'unchanged', issueId: null });
          else results.push(await removeMember(trx, cached.engine, member, refreshes));
        } else if (member && member.revision === article.revision) {
          results.push({ action: 'unchanged', issueId: member.issue_id });
          continue;
        } else {
          if (!member) docsAdded++;
          const early = bags.get(id);
          const bag = early?.revision === article.revision ? early.bag : termsOf(article);
          const placed = { article, bag, member, exclude: exclusions.get(id) ?? new Set<number>() };
          results.push(
            await placeArticle(trx, cached.engine, placed, termCounts, refreshes, writes, {
              minPresses: deps.config.issueMinPresses,
              now,
            }),
          );
        }
        changed ||= results[results.length - 1]!.action !== 'unchanged';
      }
      if (!changed) return results;
      await writes.flush();
      await addDocumentFrequencyCounts(trx, deps.dialect, termCounts);
      await refreshIssues(trx, cached.engine, refreshes.full, { minPresses: deps.config.issueMinPresses, now });
      const next = await bumpState(trx, docsAdded);
      markCurrent(deps.db, cached, next.seq);
      return results;
    });
    outcomes.forEach((result, i) => {
      if (result.action === 'unchanged') return;
      const issues = [result.issueId, ...(result.action === 'assigned' ? result.absorbed : [])];
      if (result.action === 'assigned' && result.splitInto !== undefined) issues.push(result.splitInto);
      const former = formerIssues.get(ids[i]!);
      announceIssueChanges(deps, former === undefined ? issues : [...issues, former], ids[i]!);
    });
    return outcomes;
  } catch (err) {
    // The in-memory engine may hold changes the rollback undid; the next run reloads it.
    discardEngine(deps.db);
    throw err;
  }
}

type TermBag = ReturnType<typeof articleTerms>;

function termsOf(article: Pick<ArticleForIssue, 'headline' | 'body_text'>): TermBag {
  return articleTerms(article.headline, article.body_text, SHIPPED_CLUSTERING.features);
}

function storedVector(engine: ClusterEngine, m: Membership): DocVector {
  return importVector(engine, m.vector);
}

async function removeMember(
  trx: Trx,
  engine: ClusterEngine,
  m: Membership,
  refreshes: PendingRefreshes,
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
  refreshes.touch(m.issue_id, true);
  return { action: 'removed', issueId: m.issue_id };
}

async function placeArticle(
  trx: Trx,
  engine: ClusterEngine,
  {
    article,
    bag,
    member,
    exclude,
  }: { article: ArticleForIssue; bag: TermBag; member: Membership | undefined; exclude: Set<number> },
  termCounts: Map<string, number>,
  refreshes: PendingRefreshes,
  writes: PendingMemberships,
  { minPresses, now }: { minPresses: number; now: number },
): Promise<AssignOutcome> {
  let vec: DocVector;
  if (member) {
    // A revision: the IDF already counted this article once; only its vector changes.
    vec = engine.vectorOf(bag);
    await ensureCluster(trx, engine, member.issue_id);
    engine.remove(member.issue_id, storedVector(engine, member));
  } else {
    vec = engine.observe(bag);
    for (const term of bag.keys()) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
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
  writes.add({ article, issueId, similarity, locked: member?.locked ?? 0, vector, now });
  if (absorbed.length) await writes.flush();
  for (const gone of absorbed) {
    await mergeIssueRows(trx, gone, issueId, now);
    refreshes.retire(gone);
  }
  const split = created
    ? null
    : await splitOffSecondStory(trx, engine, issueId, article.id, { minPresses, now }, () => writes.flush());
  const joined = issueId;
  if (split) {
    refreshes.membersMoved = true;
    if (split.moved.includes(article.id)) issueId = split.into;
  }
  const size = engine.clusters.get(issueId)?.size ?? 1;
  // Names and top terms settle quickly; recomputing them on every join of a big issue buys nothing.
  // A split refreshed both of its issues already.
  if (!split) refreshes.touch(issueId, size <= 8 || size % 8 === 0 || absorbed.length > 0);
  if (member && member.issue_id !== issueId && member.issue_id !== joined) refreshes.touch(member.issue_id, true);
  return { action: 'assigned', issueId, created, absorbed, ...(split ? { splitInto: split.into } : {}) };
}
