// The reporters capability: bylines become reporters (one per person within a press), each with a
// page of their articles; press staff rename and merge them in /studio. Its own capability, not a
// part of articles: it is a view built on top of stored articles (filled by an article-changed
// job), with its own tables, pages and staff tools, and the ingest path stays untouched.
import type { Capability } from '../capability.ts';
import { linkReportersJob } from './link.ts';
import { reporterRoutes } from './routes.tsx';

export const reportersCapability: Capability = {
  name: 'reporters',
  routes: reporterRoutes,
  jobs: [linkReportersJob],
  onArticleChanged: [linkReportersJob.kind],
  staffNav: [{ href: '/studio/reporters', label: 'reporters.studio.nav' }],
  uncachedPaths: ['/studio/reporters', '/reporters/byline/'],
};
