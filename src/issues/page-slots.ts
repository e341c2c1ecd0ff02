// What the article pages include from this capability (contract in src/articles/page-slots.ts):
// the article's issue tag, and the home page's "top issues now" box.
import { h, type VNode } from 'preact';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';
import { issueTagOf } from './read-store.ts';
import { topIssues } from './service.ts';
import { TopIssuesBox } from './views/top-issues.tsx';

/** `{ name, slug }` of the visible issue the article belongs to, or null. Link: `/issues/${slug}`. */
export function issueTagForArticle(deps: Pick<AppDeps, 'db'>, articleId: number): Promise<{ name: string; slug: string } | null> {
  return issueTagOf(deps.db, articleId);
}

export async function topIssuesNow(deps: Pick<AppDeps, 'db'>, locale: Locale, now = Date.now()): Promise<VNode | null> {
  const issues = await topIssues(deps, now);
  return issues.length ? (h(TopIssuesBox, { locale, issues }) as VNode) : null;
}
