// The subscriptions capability: readers follow presses, reporters, issues, categories and keyword
// alerts from the page where each appears, manage them on /account/subscriptions, read them on
// /my (My news), and may hide a press everywhere; presses see their subscriber counts in /studio.
import type { Capability } from '../capability.ts';
import { alertJob } from './alerts.ts';
import { followControlSlot } from './follow-control.tsx';
import { subscriptionsDataPart } from './reader-data.ts';
import { subscriptionRoutes } from './routes.tsx';
import { runDueDigests, startDigestLoop } from './digest.ts';
import { SUBSCRIPTIONS_ASSETS } from './assets.ts';

export const subscriptionsCapability: Capability = {
  name: 'subscriptions',
  assets: SUBSCRIPTIONS_ASSETS,
  routes: subscriptionRoutes,
  jobs: [alertJob],
  onArticleChanged: [alertJob.kind],
  slots: { followControl: followControlSlot },
  readerData: subscriptionsDataPart,
  staffNav: [{ href: '/studio/subscribers', label: 'subscriptions.studio.nav' }],
  commands: {
    'digest run': {
      usage: 'digest run',
      summary: 'Send every daily or weekly digest that is due, then exit.',
      run: (ctx) =>
        ctx.withRuntime(async (rt) => {
          const sent = await runDueDigests(rt.deps);
          await rt.worker.drain();
          ctx.print(`digests sent: ${sent}`);
        }),
    },
  },
  startBackground: (deps) => startDigestLoop(deps),
  readerNav: [{ href: '/account/subscriptions', label: 'subscriptions.manage.title' }],
  uncachedPaths: ['/my', '/subscriptions', '/studio/subscribers'],
};
