// The articles capability as the app composes it: the reader pages (home, category, press,
// article) and the site frame every page shows (category menu, latest headlines).
import type { Capability } from '../capability.ts';
import { articlePages } from './pages.ts';
import { SiteSnapshot } from './site-snapshot.ts';

export const articlesCapability: Capability = {
  name: 'articles',
  routes: articlePages,
  siteFrame: (deps) => new SiteSnapshot(deps),
};
