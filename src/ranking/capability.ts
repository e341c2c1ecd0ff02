// The ranking capability: views counted once per visitor per article per day (view-counter.ts),
// /ranking (most viewed, most commented, fastest rising; overall, per press, per category), the
// top of the article's press beside every article, /about/ranking generated from the parameters
// in parameters.ts, and the "for you" home order for signed-in readers, each item saying why.
import type { Capability } from '../capability.ts';
import { accountRoutes } from './account.tsx';
import { homeOrderSlot } from './home-order.tsx';
import { rankingPageRoutes } from './page-routes.tsx';
import { rankingDataPart } from './reader-data.ts';
import { pressAsideSlot } from './press-aside.tsx';
import { viewRoutes } from './view-routes.ts';
import { RANKING_ASSETS } from './assets.ts';

export const rankingCapability: Capability = {
  name: 'ranking',
  assets: RANKING_ASSETS,
  readerNav: [{ href: '/account/ranking', label: 'ranking.account.title' }],
  routes: async (app, deps) => {
    await viewRoutes(app, deps);
    await rankingPageRoutes(app, deps);
    await accountRoutes(app, deps);
  },
  slots: { articleAside: pressAsideSlot, homeOrder: homeOrderSlot },
  readerData: rankingDataPart,
  uncachedPaths: ['/ranking/views'],
};
