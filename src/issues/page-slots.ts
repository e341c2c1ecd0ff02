// What the reader pages include from this capability (declared in capability.ts `slots`): the
// article's issue tag above its headline, and the home page's "top issues now" box.
import { h, type VNode } from 'preact';
import type { ArticleSlot, HomeSlot } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';
import { uiLang } from '../web/page-context.ts';
import { issueTagOf } from './read-store.ts';
import { topIssues } from './service.ts';
import { type IssueTag, IssueTagLink } from './views/issue-tag.tsx';
import { TopIssuesBox } from './views/top-issues.tsx';

/** `{ name, slug }` of the visible issue the article belongs to, or null. Link: `/issues/${slug}`. */
export function issueTagForArticle(deps: Pick<AppDeps, 'db'>, articleId: number): Promise<IssueTag | null> {
  return issueTagOf(deps.db, articleId);
}

export async function topIssuesNow(deps: Pick<AppDeps, 'db'>, locale: Locale, now = Date.now()): Promise<VNode | null> {
  const issues = await topIssues(deps, now);
  return issues.length ? (h(TopIssuesBox, { locale, issues }) as VNode) : null;
}

export const issueTagSlot: ArticleSlot = async (deps, article, page) => {
  const tag = await issueTagForArticle(deps, article.id);
  return tag ? (h(IssueTagLink, { locale: page.locale, tag, lang: uiLang(page.locale, article.lang) }) as VNode) : null;
};

export const topIssuesSlot: HomeSlot = (deps, page) => topIssuesNow(deps, page.locale, page.now);
