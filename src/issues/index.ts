// The issues capability's public API.
export { type IssueTag, IssueTagLink } from './views/issue-tag.tsx';
export { issueTagForArticle, topIssuesNow } from './page-slots.ts';
export { issueArticleIds, issueRefs, issuesOfArticle, issuesOfArticles } from './follow-store.ts';
