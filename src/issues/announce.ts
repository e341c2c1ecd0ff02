// After clustering or an editor changed issues: their pages, the lists of issues (the issues page
// and the home page's box) and the page of an article that joined or left one (its header links
// the issue) are dropped from every process's page cache.
import type { AppDeps } from '../deps.ts';
import { announceChanges } from '../db/change-bus.ts';

export function announceIssueChanges(
  deps: Pick<AppDeps, 'changes'>,
  issueIds: readonly number[],
  articleId: number | null,
): void {
  const tags = ['issues', ...new Set(issueIds)].map((t) => (typeof t === 'number' ? `issue:${t}` : t));
  if (articleId !== null) tags.push(`article:${articleId}`);
  announceChanges(deps, tags);
}
