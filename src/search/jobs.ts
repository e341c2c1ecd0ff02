// The durable job that keeps the index following the store: `search.index` { articleId }.
import { defineJob } from '../capability.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { indexArticle, indexArticles } from './indexing.ts';

export const SEARCH_INDEX_JOB = 'search.index';

export const searchIndexJob = defineJob({
  kind: SEARCH_INDEX_JOB,
  payload: articleChangedPayload,
  run: (payload, deps) => indexArticle(deps, payload.articleId),
  // Many at once: one read of the articles and one index transaction (bulk ingest drains fast).
  runBatch: (payloads, deps) =>
    indexArticles(
      deps,
      payloads.map((p) => p.articleId),
    ),
});
