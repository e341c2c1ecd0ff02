// The studio capability: staff pages for presses, their articles and API keys.
import type { Capability } from '../capability.ts';
import { studioRoutes } from './routes.tsx';

export const studioCapability: Capability = {
  name: 'studio',
  routes: studioRoutes,
  staffNav: [
    {
      href: '/studio',
      label: 'studio.nav.presses',
      labelByRole: { press: 'studio.nav.articles' },
      matches: ['/studio/presses', '/studio/articles'],
    },
  ],
  uncachedPaths: ['/studio'],
};
