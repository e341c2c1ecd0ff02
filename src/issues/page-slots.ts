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
import { TopIssuesBox, TopIssuesBoxHtml, TopIssuesContent } from './views/top-issues.tsx';
import { KeptUntilChange } from '../web/kept-until-change.ts';
import { RenderedFragments } from '../web/fragments.ts';
import type { IssueSummary } from './read-store.ts';

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

/** The box is ranked again at the latest this often: its freshness weights move with the clock. */
const TOP_ISSUES_KEPT_MS = 30_000;

type KeptBox = KeptUntilChange<{ issues: IssueSummary[]; fragments: RenderedFragments }>;
const keptBoxes = new WeakMap<AppDeps, KeptBox>();

/**
 * The home page's box, ranked and rendered once per change (`issues`: clustering or an editor
 * changed one; `front`: an article accepted, revised or withdrawn), as the page cache keeps the
 * home page itself; per app (its deps), so each app hears its own change bus.
 */
export const topIssuesSlot: HomeSlot = async (deps, page) => {
  let kept = keptBoxes.get(deps);
  if (!kept) {
    kept = new KeptUntilChange(
      async () => ({ issues: await topIssues(deps, Date.now()), fragments: new RenderedFragments() }),
      {
        changes: deps.changes,
        tags: ['issues', 'front'],
        db: deps.db,
        maxMs: TOP_ISSUES_KEPT_MS,
      },
    );
    keptBoxes.set(deps, kept);
  }
  const { issues, fragments } = await kept.get();
  if (!issues.length) return null;
  const html = fragments.get(page.locale, () => h(TopIssuesContent, { locale: page.locale, issues }));
  return h(TopIssuesBoxHtml, { html }) as VNode;
};
