// The durable job that keeps the index following the store: `search.index` { articleId }.
import type { ArticleJobPayload } from '../jobs/kinds.ts';
import { registerJobHandler } from '../jobs/queue.ts';
import { indexArticle } from './indexing.ts';

export const SEARCH_INDEX_JOB = 'search.index';

export function registerSearchJobs(): void {
  registerJobHandler(SEARCH_INDEX_JOB, async (payload: ArticleJobPayload, deps) => {
    const id = Number(payload?.articleId);
    // A malformed payload can never succeed; retrying it would only fill the failed list later.
    if (!Number.isInteger(id) || id <= 0) return;
    await indexArticle(deps, id);
  });
}
