// Related articles under an article: the same issue first, then the same reporter, then the most
// similar text (the search index queried with the headline), each with the reason it is there.
// Never the article itself, never twice, never a withdrawn one (cards are usable articles only).
import { type ArticleCard, articleCardsByIds } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { issueArticleIds, issuesOfArticle } from '../issues/index.ts';
import { reportersOfArticle, reporterTimeline } from '../reporters/index.ts';
import { searchArticleIds } from '../search/index.ts';
import { KeptByKey } from '../web/kept-until-change.ts';

export type RelatedReason = 'issue' | 'reporter' | 'similar';
export interface RelatedItem {
  card: ArticleCard;
  reason: RelatedReason;
}

export const RELATED_LIMIT = 6;

export async function relatedArticles(deps: AppDeps, articleId: number, limit = RELATED_LIMIT): Promise<RelatedItem[]> {
  const self = await deps.db.selectFrom('articles').select(['headline']).where('id', '=', articleId).executeTakeFirst();
  if (!self) return [];
  const [issues, reporters] = await Promise.all([
    issuesOfArticle(deps.db, articleId),
    reportersOfArticle(deps.db, articleId),
  ]);
  const [issueIds, reporterIds, similar] = await Promise.all([
    issues[0] === undefined ? Promise.resolve([]) : issueArticleIds(deps.db, issues[0], limit + 1),
    reporters[0] === undefined ? Promise.resolve([]) : reporterTimeline(deps.db, reporters[0], limit + 1),
    searchArticleIds(deps, { q: self.headline.slice(0, 200), pageSize: limit + 1, facets: false }),
  ]);
  const picked: Array<{ id: number; reason: RelatedReason }> = [];
  const seen = new Set([articleId]);
  const take = (ids: number[], reason: RelatedReason) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      picked.push({ id, reason });
    }
  };
  take(
    issueIds.map((x) => x.id),
    'issue',
  );
  take(
    reporterIds.map((x) => x.id),
    'reporter',
  );
  take(similar, 'similar');
  const cards = new Map(
    (
      await articleCardsByIds(
        deps.db,
        picked.map((p) => p.id),
      )
    ).map((c) => [c.id, c]),
  );
  return picked.flatMap((p) => (cards.has(p.id) ? [{ card: cards.get(p.id)!, reason: p.reason }] : [])).slice(0, limit);
}

/** Articles whose related list is kept between renders of their page. */
const KEPT_ARTICLES = 1000;
/** At the latest this often a kept list is read again (the search index follows ingest by a job). */
const KEPT_MS = 30_000;
const kept = new WeakMap<AppDeps, KeptByKey<number, RelatedItem[]>>();

/**
 * The article page's list, read once per change (the article itself, any ingest or withdrawal:
 * `front`, issue membership: `issues`) instead of four queries and a search per render; per app
 * (its deps), so each app hears its own change bus.
 */
export function keptRelatedArticles(deps: AppDeps, articleId: number): Promise<RelatedItem[]> {
  let lists = kept.get(deps);
  if (!lists) {
    lists = new KeptByKey({
      changes: deps.changes,
      db: deps.db,
      tags: (id) => [`article:${id}`, 'front', 'issues'],
      maxKeys: KEPT_ARTICLES,
      maxMs: KEPT_MS,
    });
    kept.set(deps, lists);
  }
  return lists.get(articleId, () => relatedArticles(deps, articleId));
}
