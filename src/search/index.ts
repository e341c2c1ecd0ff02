// The search capability's public API: one search over the index, for capabilities that keep a
// saved search (keyword alerts), and the one-line progress bar of long CLI work (sosik import).
export { progressBar } from './progress-bar.ts';
export { searchArticleIds, searchArticles } from './search-service.ts';
export type { SearchRequest, SearchResponse } from './model.ts';
