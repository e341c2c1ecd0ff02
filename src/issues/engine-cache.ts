// The clustering engine lives in memory, one per process and database, rebuilt from the tables on
// first use. issue_state.seq counts every change; a process whose copy is behind (another worker
// assigned, an editor curated) reloads before it decides anything, so several processes agree.
import type { Db } from '../db/database.ts';
import type { ClusterEngine } from './engine.ts';
import { createEngine } from './df-prior.ts';
import { SHIPPED_CLUSTERING } from './settings.ts';
import { importCluster, importVector } from './engine-io.ts';

export interface CachedEngine {
  engine: ClusterEngine;
  seq: number;
}

const caches = new WeakMap<Db, CachedEngine>();

type Reader = Pick<Db, 'selectFrom'>;

/** The process's engine for this database, brought up to `state` (the row read in the caller's transaction). */
export async function engineFor(db: Db, trx: Reader, state: { docs: number; seq: number }): Promise<CachedEngine> {
  const cached = caches.get(db);
  if (cached && cached.seq === state.seq) return cached;
  const fresh: CachedEngine =
    cached && cached.engine.vocab.docs === state.docs
      ? { engine: await reloadIssues(trx, cached.engine), seq: state.seq }
      : { engine: await loadEngine(trx, state.docs), seq: state.seq };
  caches.set(db, fresh);
  return fresh;
}

/** Forgets the process's copy (after a failed transaction its in-memory changes never happened). */
export function discardEngine(db: Db): void {
  caches.delete(db);
}

/** Records that this process's copy already includes the change it just committed. */
export function markCurrent(db: Db, cached: CachedEngine, seq: number): void {
  cached.seq = seq;
  caches.set(db, cached);
}

async function loadEngine(trx: Reader, docs: number): Promise<ClusterEngine> {
  const engine = createEngine(SHIPPED_CLUSTERING);
  const rows = await trx.selectFrom('issue_df').select(['term', 'df']).orderBy('term').execute();
  for (const r of rows) engine.vocab.setDf(r.term, Number(r.df));
  engine.vocab.docs = docs;
  return reloadIssues(trx, engine);
}

/** Replaces the engine's issues with the live ones inside the candidate horizon, keeping its vocabulary. */
async function reloadIssues(trx: Reader, engine: ClusterEngine): Promise<ClusterEngine> {
  for (const id of [...engine.clusters.keys()]) engine.drop(id);
  engine.frozen.clear();
  const newest = await trx
    .selectFrom('issues')
    .select((eb) => eb.fn.max('last_at').as('last'))
    .executeTakeFirst();
  // The horizon is measured from the newest article, not the wall clock, so replays are deterministic.
  const since = Number(newest?.last ?? 0) - engine.config.horizonMs;
  const issues = await trx
    .selectFrom('issues')
    .select(['id', 'centroid', 'article_count', 'last_at', 'curated'])
    .where('merged_into', 'is', null)
    .where('article_count', '>', 0)
    .where('last_at', '>=', since)
    .orderBy('id')
    .execute();
  for (const i of issues) {
    importCluster(engine, i.id, i.centroid, i.article_count, Number(i.last_at));
    if (i.curated) engine.frozen.add(i.id);
  }
  await restoreMemberSamples(trx, engine, since);
  return engine;
}

/** Puts each live issue's newest members back in its sample, as the engine had them before the reload. */
async function restoreMemberSamples(trx: Reader, engine: ClusterEngine, since: number): Promise<void> {
  const cap = engine.config.memberSample;
  if (cap <= 0) return;
  // Only members newer than the horizon can matter; a window function keeps the read to cap rows an issue.
  const ranked = trx
    .selectFrom('issue_articles')
    .select((eb) => [
      'issue_id',
      'article_id',
      'published_at',
      'vector',
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.partitionBy('issue_id').orderBy('published_at', 'desc').orderBy('article_id', 'desc'))
        .as('rank'),
    ])
    .where('published_at', '>=', since)
    .as('ranked');
  const rows = await trx
    .selectFrom(ranked)
    .select(['issue_id', 'article_id', 'published_at', 'vector'])
    .where('rank', '<=', cap)
    .orderBy('issue_id')
    .orderBy('published_at')
    .orderBy('article_id')
    .execute();
  for (const r of rows) {
    if (engine.clusters.has(r.issue_id))
      engine.rememberMember(r.issue_id, importVector(engine, r.vector), Number(r.published_at), r.article_id);
  }
}

/** Brings an issue the engine let go (idle past the horizon) back from its row before it is changed. */
export async function ensureCluster(trx: Reader, engine: ClusterEngine, issueId: number): Promise<void> {
  if (engine.clusters.has(issueId)) return;
  const row = await trx
    .selectFrom('issues')
    .select(['centroid', 'article_count', 'last_at', 'curated', 'merged_into'])
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!row || row.merged_into !== null || row.article_count === 0) return;
  importCluster(engine, issueId, row.centroid, row.article_count, Number(row.last_at));
  if (row.curated) engine.frozen.add(issueId);
}
