// Job kinds that follow every article change (create, revise, withdraw). Each is handled by the
// capability that owns it (search indexing, issue clustering); payload { articleId }.
export const ARTICLE_CHANGED_JOBS = ['search.index', 'issues.assign'] as const;

export interface ArticleJobPayload {
  articleId: number;
}
