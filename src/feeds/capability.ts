// The feeds capability as the app composes it: published feeds, sitemaps and robots.txt; the
// feed health studio panel; and, in the server, the background poller.
import type { Capability } from '../capability.ts';
import { startFeedPolling } from './poll.ts';
import { publishRoutes } from './publish/routes.ts';
import { feedHealthRoutes } from './studio/health-routes.tsx';

export const feedsCapability: Capability = {
  name: 'feeds',
  async routes(app, deps) {
    await publishRoutes(app, deps);
    await feedHealthRoutes(app, deps);
  },
  startBackground(deps) {
    if (!deps.config.feedsPoll) return async () => {};
    return startFeedPolling(deps);
  },
};
