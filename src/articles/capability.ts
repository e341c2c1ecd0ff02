// The articles capability as the app composes it: the reader pages (home, category, press,
// article, latest, the press directory) and the site frame every page shows (category menu,
// latest headlines).
import type { Capability } from '../capability.ts';
import { directoryPages } from './directory-pages.ts';
import { articlePages } from './pages.ts';
import { SiteSnapshot } from './site-snapshot.ts';

export const articlesCapability: Capability = {
  name: 'articles',
  routes: async (app, deps) => {
    await articlePages(app, deps);
    await directoryPages(app, deps);
  },
  siteFrame: (deps) => new SiteSnapshot(deps),
};
