// The articles capability's public API: the one ingest path, the article model, and the reads
// other capabilities need of categories and articles.
export { type IngestRequest, type IngestResult, ingestArticle } from './ingest.ts';
export { type BatchOutcome, ingestArticles } from './ingest-batch.ts';
export type { ArticleInput, Byline, PhotoInput, SubjectRef } from './model.ts';
export { type ArticleTeaser, articleTeasers, type CategoryRef, listCategories } from './read-store.ts';
export { readBylines, readKeywords } from './columns.ts';
export { type CurrentVersion, currentVersion } from './current-version.ts';
export { isUrgent, setBreakingFlag } from './breaking.ts';
export { articleCardsByIds } from './cards-by-id.ts';
export type { ArticleCard } from './read-store.ts';
export { ArticleCardList } from './views/article-card.tsx';
