// The feeds capability as the app composes it: feeds in (pulling press feeds: the poller, OPML,
// `sosik feeds …`, the health panel in /studio/feeds) and feeds out (published feeds, sitemaps
// and robots.txt, including the feeds of other capabilities' feed sources).
import type { Capability } from '../capability.ts';
import { feedsCommands } from './commands.ts';
import { importCommands } from './import-command.ts';
import { startFeedPolling } from './poll.ts';
import { publishRoutes } from './publish/routes.ts';
import { feedHealthRoutes } from './studio/health-routes.tsx';

export const feedsCapability: Capability = {
  name: 'feeds',
  async routes(app, deps) {
    await publishRoutes(app, deps);
    await feedHealthRoutes(app, deps);
  },
  commands: { ...feedsCommands, ...importCommands },
  staffNav: [{ href: '/studio/feeds', label: 'studio.nav.feeds', roles: ['admin', 'press'] }],
  startBackground(deps) {
    if (!deps.config.feedsPoll) return async () => {};
    return startFeedPolling(deps);
  },
};
