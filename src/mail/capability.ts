// The mail module as the app composes it: the mail.send job and the admin outbox pages.
import type { Capability } from '../capability.ts';
import { registerMailJobs } from './jobs.ts';
import { outboxRoutes } from './outbox-routes.tsx';

export const mailCapability: Capability = {
  name: 'mail',
  routes: (app, deps) => outboxRoutes(app, deps),
  registerJobs: registerMailJobs,
};
