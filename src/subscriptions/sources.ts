// Where each kind of subscription finds its newest articles: one bounded, index-backed range per
// subscription (press: articles_press_latest; category: articles_latest with an indexed exists;
// reporter: article_reporters_timeline; issue: issue_articles_timeline; keyword: the search index).
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { issueArticleIds } from '../issues/index.ts';
import { reportersByIds, reporterTimeline } from '../reporters/index.ts';
import { searchArticles } from '../search/index.ts';
import type { Subscription } from './store.ts';

export interface Candidate {
  id: number;
  at: number;
}

export interface Cursor {
  ms: number;
  id: number;
}

function olderThan(before: Cursor | undefined) {
  return (c: Candidate) => !before || c.at < before.ms || (c.at === before.ms && c.id < before.id);
}

async function pressNewest(db: Db, pressId: number, limit: number, before?: Cursor): Promise<Candidate[]> {
  let q = db
    .selectFrom('articles as a')
    .select(['a.id', 'a.first_created_at'])
    .where('a.press_id', '=', pressId)
    .where('a.status', '=', 'usable');
  if (before) q = q.where((eb) => eb(eb.refTuple('a.first_created_at', 'a.id'), '<', eb.tuple(before.ms, before.id)));
  const rows = await q.orderBy('a.first_created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, at: Number(r.first_created_at) }));
}

async function categoryNewest(db: Db, categoryId: number, limit: number, before?: Cursor): Promise<Candidate[]> {
  let q = db
    .selectFrom('articles as a')
    .select(['a.id', 'a.first_created_at'])
    .where('a.status', '=', 'usable')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_categories as ac')
          .select('ac.article_id')
          .whereRef('ac.article_id', '=', 'a.id')
          .where('ac.category_id', '=', categoryId),
      ),
    );
  if (before) q = q.where((eb) => eb(eb.refTuple('a.first_created_at', 'a.id'), '<', eb.tuple(before.ms, before.id)));
  const rows = await q.orderBy('a.first_created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, at: Number(r.first_created_at) }));
}

/** Strict matches only: a keyword alert that loosened to "any word" would alert on noise. */
async function keywordNewest(deps: AppDeps, query: string, limit: number, before?: Cursor): Promise<Candidate[]> {
  const res = await searchArticles(deps, { q: query, sort: 'newest', pageSize: Math.min(50, limit), facets: false });
  if (res.mode !== 'all' && res.mode !== 'choseong') return [];
  return res.results.map((r) => ({ id: r.id, at: r.publishedAt })).filter(olderThan(before));
}

/** Where each subscription reads from: a merged reporter is followed through the one it became (one query for all). */
export async function sourcesOf(deps: AppDeps, subscriptions: readonly Subscription[]): Promise<Map<number, number>> {
  const reporterIds = subscriptions.filter((s) => s.kind === 'reporter').map((s) => s.targetId!);
  const survivors = new Map((await reportersByIds(deps.db, reporterIds)).map((r) => [r.id, r.mergedInto ?? r.id]));
  return new Map(
    subscriptions.flatMap((s) =>
      s.targetId === null
        ? []
        : [[s.id, s.kind === 'reporter' ? (survivors.get(s.targetId) ?? s.targetId) : s.targetId]],
    ),
  );
}

/** The newest `limit` articles behind one subscription (read from `sources`), older than `before`. */
export async function newestFor(
  deps: AppDeps,
  s: Subscription,
  sources: ReadonlyMap<number, number>,
  limit: number,
  before?: Cursor,
): Promise<Candidate[]> {
  const target = sources.get(s.id) ?? s.targetId!;
  switch (s.kind) {
    case 'press':
      return pressNewest(deps.db, target, limit, before);
    case 'category':
      return categoryNewest(deps.db, target, limit, before);
    case 'reporter':
      return (await reporterTimeline(deps.db, target, limit, before)).map((x) => ({ id: x.id, at: x.publishedAt }));
    case 'issue':
      return (await issueArticleIds(deps.db, target, limit, before)).map((x) => ({ id: x.id, at: x.publishedAt }));
    case 'keyword':
      return keywordNewest(deps, s.query ?? '', limit, before);
  }
}
