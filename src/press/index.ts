// The press capability's public API: press accounts and their keys, and ninjs → article.
export { createPress, findPressByApiKey, listPressKeys, type NewPress, rotateApiKey, SLUG_PATTERN } from './keys.ts';
export { ninjsToArticle } from './ninjs/to-article.ts';
export { jsonDepth, jsonTooDeep, MAX_JSON_DEPTH } from './json-body.ts';
export {
  ensureFeedPress,
  hasAnyPress,
  listPressSummaries,
  type PressSummary,
  pressIdBySlug,
  pressIdsBySlugs,
  pressSummariesByIds,
} from './store.ts';
