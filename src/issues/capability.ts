// The issues capability as the app composes it: issue pages and editors' curation, the clustering
// job that follows every article change, the article's issue tag and the home page's top issues,
// and each issue's published feeds.
import type { Capability } from '../capability.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { defineJob } from '../capability.ts';
import { ASSIGN_JOB, assignArticle, assignArticles } from './assign.ts';
import { issueFeedSource } from './feed-source.ts';
import { issueTagSlot, topIssuesSlot } from './page-slots.ts';
import { issueRoutes } from './routes.tsx';

/** Articles per assignment transaction: ~1–2 ms of clustering each, so a web writer waits little. */
const ASSIGN_SLICE = 32;

const assignJob = defineJob({
  kind: ASSIGN_JOB,
  payload: articleChangedPayload,
  run: (payload, deps) => assignArticle(deps, payload.articleId),
  // A transaction per slice of the claimed jobs (the engine still decides one article after
  // another): few statements per article, and the SQLite write lock is never held for long.
  runBatch: async (payloads, deps) => {
    const ids = payloads.map((p) => p.articleId);
    for (let i = 0; i < ids.length; i += ASSIGN_SLICE) await assignArticles(deps, ids.slice(i, i + ASSIGN_SLICE));
  },
});

export const issuesCapability: Capability = {
  name: 'issues',
  assets: { dir: new URL('./static/', import.meta.url), stylesheets: ['issues.css'] },
  routes: issueRoutes,
  jobs: [assignJob],
  onArticleChanged: [ASSIGN_JOB],
  slots: { articleHeader: issueTagSlot, homeBox: topIssuesSlot },
  feedSources: [issueFeedSource],
};
