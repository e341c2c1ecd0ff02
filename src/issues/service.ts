// What the issue pages show, assembled from the read store: ranking, dormancy, the chart.
import type { AppDeps } from '../deps.ts';
import { histogram, type Histogram } from './chart.ts';
import {
  activeIssues,
  issueArticles,
  issueTimes,
  newestVisibleActivity,
  recentActivity,
  relatedIssues,
  type IssueArticle,
  type IssueSummary,
} from './read-store.ts';

const HOUR = 3_600_000;

export function isDormant(issue: Pick<IssueSummary, 'lastAt'>, dormantHours: number, now: number): boolean {
  return now - issue.lastAt > dormantHours * HOUR;
}

export interface IssueDetail {
  lead: IssueArticle | undefined;
  articles: IssueArticle[];
  presses: Array<{ slug: string; name: string; nameEn: string | null; count: number }>;
  chart: Histogram;
  related: IssueSummary[];
}

export async function issueDetail(deps: Pick<AppDeps, 'db'>, issue: IssueSummary): Promise<IssueDetail> {
  const [articles, times, related] = await Promise.all([
    issueArticles(deps.db, issue.id),
    issueTimes(deps.db, issue.id),
    relatedIssues(deps.db, issue.id),
  ]);
  const presses = new Map<string, { slug: string; name: string; nameEn: string | null; count: number }>();
  for (const a of articles) {
    const p = presses.get(a.pressSlug) ?? { slug: a.pressSlug, name: a.pressName, nameEn: a.pressNameEn, count: 0 };
    p.count++;
    presses.set(a.pressSlug, p);
  }
  return {
    lead: articles.find((a) => a.id === issue.leadArticleId) ?? articles[articles.length - 1],
    articles,
    presses: [...presses.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    chart: histogram(times),
    related,
  };
}

const TOP_POOL = 60;

/**
 * Issues ranked by how many presses took them up in the last day, with extra weight on the last
 * six hours (growth), and article volume only logarithmically, so one prolific press cannot push
 * its story up alone. A quiet site ranks around its newest activity instead of showing nothing.
 */
export async function topIssues(deps: Pick<AppDeps, 'db'>, now: number, limit = 8): Promise<IssueSummary[]> {
  const newest = await newestVisibleActivity(deps.db);
  if (newest === null) return [];
  const anchor = Math.min(now, newest);
  const pool = await activeIssues(deps.db, { since: anchor - 24 * HOUR, limit: TOP_POOL });
  const ids = pool.map((i) => i.id);
  const [day, recent] = await Promise.all([
    recentActivity(deps.db, ids, anchor - 24 * HOUR),
    recentActivity(deps.db, ids, anchor - 6 * HOUR),
  ]);
  const score = (i: IssueSummary) => {
    const d = day.get(i.id);
    const r = recent.get(i.id);
    return (d?.presses ?? 0) + 2 * (r?.presses ?? 0) + Math.log2(1 + (r?.articles ?? 0));
  };
  return pool
    .map((i) => ({ i, s: score(i) }))
    .sort((a, b) => b.s - a.s || b.i.lastAt - a.i.lastAt || a.i.id - b.i.id)
    .slice(0, limit)
    .map((x) => x.i);
}
