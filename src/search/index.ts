// The search capability's public API: one search over the index, for capabilities that keep a
// saved search (keyword alerts).
export { searchArticles } from './search-service.ts';
export type { SearchRequest, SearchResponse } from './model.ts';
