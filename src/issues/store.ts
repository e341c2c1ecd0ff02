// SQL writes of the issues capability, all inside the caller's transaction.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ClusterEngine } from './engine.ts';
import { cleanHeadline, issueSlug } from './naming.ts';
import { exportCentroid, importVector, topTerms } from './engine-io.ts';

export type Trx = Transaction<Database>;

export interface ArticleForIssue {
  id: number;
  press_id: number;
  headline: string;
  body_text: string;
  status: string;
  revision: number;
  first_created_at: number;
}

export function loadArticle(trx: Trx, id: number): Promise<ArticleForIssue | undefined> {
  return trx
    .selectFrom('articles')
    .select(['id', 'press_id', 'headline', 'body_text', 'status', 'revision', 'first_created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds one document's distinct terms to the document frequencies. */
export async function addDocumentFrequencies(trx: Trx, terms: readonly string[]): Promise<void> {
  for (let i = 0; i < terms.length; i += 500) {
    const rows = terms.slice(i, i + 500).map((term) => ({ term, df: 1 }));
    await trx
      .insertInto('issue_df')
      .values(rows)
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`issue_df.df + 1` }))
      .execute();
  }
}

export async function createIssue(trx: Trx, headline: string, time: number, now: number): Promise<number> {
  const name = cleanHeadline(headline);
  const row = await trx
    .insertInto('issues')
    .values({
      slug: `new-${now}-${Math.random().toString(36).slice(2)}`,
      auto_name: name,
      hidden: 0,
      curated: 0,
      article_count: 0,
      press_count: 0,
      visible: 0,
      first_at: time,
      last_at: time,
      created_at: now,
      updated_at: now,
      centroid: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('issues')
    .set({ slug: issueSlug(row.id, name) })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

export interface Membership {
  article_id: number;
  issue_id: number;
  revision: number;
  locked: number;
  vector: string;
}

export function findMembership(trx: Trx, articleId: number): Promise<Membership | undefined> {
  return trx
    .selectFrom('issue_articles')
    .select(['article_id', 'issue_id', 'revision', 'locked', 'vector'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
}

export async function exclusionsOf(trx: Trx, articleId: number): Promise<Set<number>> {
  const rows = await trx
    .selectFrom('issue_exclusions')
    .select('issue_id')
    .where('article_id', '=', articleId)
    .execute();
  return new Set(rows.map((r) => r.issue_id));
}

export interface MembershipWrite {
  article: ArticleForIssue;
  issueId: number;
  similarity: number;
  locked: number;
  vector: string;
  now: number;
}

export function putMembership(trx: Trx, m: MembershipWrite): Promise<void> {
  return putMemberships(trx, [m]);
}

/** Rows per membership upsert: 9 parameters each, far below either database's limit. */
const MEMBERSHIP_CHUNK = 100;

/** Writes (or rewrites) many articles' memberships, a statement per hundred. */
export async function putMemberships(trx: Trx, list: readonly MembershipWrite[]): Promise<void> {
  for (let i = 0; i < list.length; i += MEMBERSHIP_CHUNK) {
    const values = list.slice(i, i + MEMBERSHIP_CHUNK).map((m) => ({
      article_id: m.article.id,
      issue_id: m.issueId,
      press_id: m.article.press_id,
      published_at: m.article.first_created_at,
      revision: m.article.revision,
      similarity: m.similarity,
      locked: m.locked,
      vector: m.vector,
      assigned_at: m.now,
    }));
    await trx
      .insertInto('issue_articles')
      .values(values)
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet((eb) => ({
          issue_id: eb.ref('excluded.issue_id'),
          press_id: eb.ref('excluded.press_id'),
          published_at: eb.ref('excluded.published_at'),
          revision: eb.ref('excluded.revision'),
          similarity: eb.ref('excluded.similarity'),
          locked: eb.ref('excluded.locked'),
          vector: eb.ref('excluded.vector'),
          assigned_at: eb.ref('excluded.assigned_at'),
        })),
      )
      .execute();
  }
}

/**
 * Recomputes an issue's counts, visibility, centroid, name, lead, category and top terms from its
 * members and the engine. The name and lead come from the member closest to the centroid, looked
 * at among the newest members only, so a big issue costs the same as a small one.
 */
export function refreshIssue(
  trx: Trx,
  engine: ClusterEngine,
  issueId: number,
  opts: { minPresses: number; now: number; full: boolean },
): Promise<void> {
  return refreshIssues(trx, engine, new Map([[issueId, opts.full]]), opts);
}

/** Issues per statement of refreshIssues' shared reads. */
const REFRESH_CHUNK = 200;

const REPRESENTATIVE_POOL = 40;

/** A new lead must be this much closer to the centroid than the current one: names (and slugs) settle. */
const LEAD_SWITCH_GAIN = 1.15;

const TOP_TERMS = 16;

/**
 * refreshIssue for many issues (issue id → full), in that order. Every read covers all of them
 * at once (issue rows, member statistics, the newest members and the categories of the issues
 * whose lead is chosen again), top terms are replaced in one delete and one insert, and then each
 * issue's row is written: a few statements a slice instead of several per issue.
 */
export async function refreshIssues(
  trx: Trx,
  engine: ClusterEngine,
  targets: ReadonlyMap<number, boolean>,
  opts: { minPresses: number; now: number },
): Promise<void> {
  const ids = [...targets.keys()];
  const issues = new Map<number, IssueRow>();
  const stats = new Map<number, MemberStats>();
  for (const slice of chunks(ids, REFRESH_CHUNK)) {
    for (const row of await trx
      .selectFrom('issues')
      .select(['id', 'hidden', 'merged_into', 'lead_article_id', 'slug', 'auto_name', 'editor_name'])
      .where('id', 'in', slice)
      .execute())
      issues.set(row.id, row);
    for (const row of await trx
      .selectFrom('issue_articles')
      .select((eb) => [
        'issue_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('press_id').distinct().as('presses'),
        eb.fn.min('published_at').as('first'),
        eb.fn.max('published_at').as('last'),
      ])
      .where('issue_id', 'in', slice)
      .groupBy('issue_id')
      .execute())
      stats.set(row.issue_id, row);
  }
  const present = ids.filter((id) => issues.has(id));
  const leads = present.filter((id) => targets.get(id) || issues.get(id)!.lead_article_id === null);
  const pools = await newestMembers(trx, leads);
  const categories = await topCategories(trx, leads);
  const updates = new Map<number, Record<string, unknown>>();
  for (const issueId of present) {
    const issue = issues.get(issueId)!;
    const update = countsUpdate(engine, issueId, issue, stats.get(issueId), opts);
    if (targets.get(issueId) || issue.lead_article_id === null) {
      const pool = pools.get(issueId) ?? [];
      Object.assign(update, representative(engine, issueId, pool, issue.lead_article_id, categories.get(issueId)));
    }
    // The slug spells the name readers see; old slugs keep working (the id leads, and routes redirect).
    const name = issue.editor_name ?? (update.auto_name as string | undefined) ?? issue.auto_name;
    const slug = issueSlug(issueId, name);
    if (slug !== issue.slug && issue.merged_into === null) update.slug = slug;
    updates.set(issueId, update);
  }
  for (const [issueId, update] of updates)
    await trx.updateTable('issues').set(update).where('id', '=', issueId).execute();
  await replaceTopTerms(
    trx,
    engine,
    present.filter((id) => targets.get(id) && engine.clusters.has(id)),
  );
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

interface IssueRow {
  hidden: number;
  merged_into: number | null;
  lead_article_id: number | null;
  slug: string;
  auto_name: string;
  editor_name: string | null;
}

interface MemberStats {
  n: number | string | bigint;
  presses: number | string | bigint;
  first: unknown;
  last: unknown;
}

function countsUpdate(
  engine: ClusterEngine,
  issueId: number,
  issue: IssueRow,
  stats: MemberStats | undefined,
  opts: { minPresses: number; now: number },
): Record<string, unknown> {
  // An issue without members has no row in the grouped statistics.
  const n = Number(stats?.n ?? 0);
  const presses = Number(stats?.presses ?? 0);
  const update: Record<string, unknown> = {
    article_count: n,
    press_count: presses,
    visible: n > 0 && presses >= opts.minPresses && !issue.hidden && issue.merged_into === null ? 1 : 0,
    updated_at: opts.now,
  };
  if (engine.clusters.has(issueId)) update.centroid = JSON.stringify(exportCentroid(engine, issueId));
  else if (n === 0) update.centroid = '[]';
  if (n > 0) {
    update.first_at = Number(stats!.first);
    update.last_at = Number(stats!.last);
  }
  return update;
}

interface PoolMember {
  id: number;
  headline: string;
  vector: string;
}

/** Each issue's newest REPRESENTATIVE_POOL members, newest first (ties: the higher article id). */
async function newestMembers(trx: Trx, issueIds: readonly number[]): Promise<Map<number, PoolMember[]>> {
  const out = new Map<number, PoolMember[]>();
  for (const slice of chunks(issueIds, REFRESH_CHUNK)) {
    // A window function keeps the read to the pool's rows per issue, however big the issue.
    const ranked = trx
      .selectFrom('issue_articles')
      .innerJoin('articles', 'articles.id', 'issue_articles.article_id')
      .select((eb) => [
        'issue_articles.issue_id',
        'articles.id',
        'articles.headline',
        'issue_articles.vector',
        'issue_articles.published_at',
        eb.fn
          .agg<number>('row_number')
          .over((ob) =>
            ob
              .partitionBy('issue_articles.issue_id')
              .orderBy('issue_articles.published_at', 'desc')
              .orderBy('articles.id', 'desc'),
          )
          .as('rank'),
      ])
      .where('issue_articles.issue_id', 'in', slice)
      .as('ranked');
    const rows = await trx
      .selectFrom(ranked)
      .select(['issue_id', 'id', 'headline', 'vector'])
      .where('rank', '<=', REPRESENTATIVE_POOL)
      .orderBy('issue_id')
      .orderBy('rank')
      .execute();
    for (const r of rows) {
      const list = out.get(r.issue_id) ?? [];
      list.push({ id: r.id, headline: r.headline, vector: r.vector });
      out.set(r.issue_id, list);
    }
  }
  return out;
}

/** Each issue's most common category among its members (ties: the lower category id). */
async function topCategories(trx: Trx, issueIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, { category: number; n: number }>();
  for (const slice of chunks(issueIds, REFRESH_CHUNK)) {
    const rows = await trx
      .selectFrom('article_categories')
      .innerJoin('issue_articles', 'issue_articles.article_id', 'article_categories.article_id')
      .select(['issue_articles.issue_id', 'article_categories.category_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issue_articles.issue_id', 'in', slice)
      .groupBy(['issue_articles.issue_id', 'article_categories.category_id'])
      .execute();
    for (const r of rows) {
      const n = Number(r.n);
      const best = out.get(r.issue_id);
      if (!best || n > best.n || (n === best.n && r.category_id < best.category)) {
        out.set(r.issue_id, { category: r.category_id, n });
      }
    }
  }
  return new Map([...out].map(([id, c]) => [id, c.category]));
}

function representative(
  engine: ClusterEngine,
  issueId: number,
  members: readonly PoolMember[],
  currentLead: number | null,
  category: number | undefined,
): Record<string, unknown> {
  if (members.length === 0) return { lead_article_id: null };
  const centroid = engine.clusters.get(issueId)?.centroid;
  let best = members[members.length - 1]!;
  let bestSim = -1;
  if (centroid) {
    let current: { member: PoolMember; sim: number } | undefined;
    for (const m of members) {
      const sim = engine.similarity(importVector(engine, m.vector), centroid);
      if (m.id === currentLead) current = { member: m, sim };
      if (sim > bestSim || (sim === bestSim && m.id < best.id)) [best, bestSim] = [m, sim];
    }
    // Every new member moves the centroid a little; a name that changed with each would never settle.
    if (current && bestSim < current.sim * LEAD_SWITCH_GAIN) best = current.member;
  }
  return {
    lead_article_id: best.id,
    auto_name: cleanHeadline(best.headline),
    category_id: category ?? null,
  };
}

/** Rows per top-terms insert (3 parameters each). */
const TERMS_CHUNK = 300;

async function replaceTopTerms(trx: Trx, engine: ClusterEngine, issueIds: readonly number[]): Promise<void> {
  if (!issueIds.length) return;
  for (const slice of chunks(issueIds, REFRESH_CHUNK))
    await trx.deleteFrom('issue_terms').where('issue_id', 'in', slice).execute();
  const rows = issueIds.flatMap((issueId) =>
    topTerms(engine, issueId, TOP_TERMS).map(([term, weight]) => ({ term, issue_id: issueId, weight })),
  );
  for (const slice of chunks(rows, TERMS_CHUNK)) await trx.insertInto('issue_terms').values(slice).execute();
}

/** Moves every member of `from` into `into` and retires `from` (its slug then redirects). */
export async function mergeIssueRows(trx: Trx, from: number, into: number, now: number): Promise<void> {
  await trx.updateTable('issue_articles').set({ issue_id: into }).where('issue_id', '=', from).execute();
  await trx.deleteFrom('issue_terms').where('issue_id', '=', from).execute();
  await trx
    .updateTable('issues')
    .set({ merged_into: into, visible: 0, article_count: 0, press_count: 0, centroid: '[]', updated_at: now })
    .where('id', '=', from)
    .execute();
  // Anything that pointed at the retired issue now points at the survivor.
  await trx.updateTable('issues').set({ merged_into: into }).where('merged_into', '=', from).execute();
}

export async function bumpState(trx: Trx, docsAdded: number): Promise<{ docs: number; seq: number }> {
  await trx
    .updateTable('issue_state')
    .set({ docs: sql`docs + ${docsAdded}`, seq: sql`seq + 1` })
    .where('id', '=', 1)
    .execute();
  const s = await trx.selectFrom('issue_state').select(['docs', 'seq']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { docs: Number(s.docs), seq: Number(s.seq) };
}

/** Reads the state row holding the writer lock, so assignments from several processes run one at a time. */
export async function readStateForUpdate(
  trx: Trx,
  dialect: 'sqlite' | 'postgres',
): Promise<{ docs: number; seq: number }> {
  // SQLite: a no-op write takes the write lock now, instead of failing to upgrade a read lock later.
  if (dialect === 'sqlite') await trx.updateTable('issue_state').set({ seq: sql`seq` }).where('id', '=', 1).execute();
  const s = await trx
    .selectFrom('issue_state')
    .select(['docs', 'seq'])
    .where('id', '=', 1)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  return { docs: Number(s.docs), seq: Number(s.seq) };
}
