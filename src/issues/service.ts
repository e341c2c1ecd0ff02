// What the issue pages show, assembled from the read store: ranking, dormancy, the chart.
import type { AppDeps } from '../deps.ts';
import { histogram, type Histogram } from './chart.ts';
import { issueArticles, issueTimes, relatedIssues, type IssueArticle, type IssueSummary } from './read-store.ts';
import { rankTopIssues } from './top-issues.ts';

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

/** The home page's top issues (ranking explained in top-issues.ts and ARCHITECTURE.md). */
export function topIssues(deps: Pick<AppDeps, 'db'>, now: number, limit = 8): Promise<IssueSummary[]> {
  return rankTopIssues(deps.db, now, limit);
}
