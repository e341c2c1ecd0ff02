// The issues capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';
import { registerJobHandler } from '../jobs/queue.ts';
import { ASSIGN_JOB, assignArticle } from './assign.ts';
import { issueRoutes } from './routes.tsx';

export const issuesCapability: Capability = {
  name: 'issues',
  routes: issueRoutes,
  registerJobs() {
    registerJobHandler(ASSIGN_JOB, async (payload: { articleId?: unknown }, deps) => {
      if (typeof payload.articleId !== 'number') throw new Error('issues.assign needs a numeric articleId');
      await assignArticle(deps, payload.articleId);
    });
  },
};
