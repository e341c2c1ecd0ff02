// The mail capability as the app composes it: e-mail as durable jobs (mail.send), exactly once
// across crashes; `sosik mail test`; and the admins' outbox at /studio/outbox.
import type { Capability } from '../capability.ts';
import { mailCommands } from './commands.ts';
import { mailSendJob } from './jobs.ts';
import { outboxRoutes } from './outbox-routes.tsx';

export const mailCapability: Capability = {
  name: 'mail',
  assets: { dir: new URL('./static/', import.meta.url), stylesheets: ['mail.css'] },
  routes: outboxRoutes,
  jobs: [mailSendJob],
  commands: mailCommands,
  staffNav: [{ href: '/studio/outbox', label: 'mail.outbox.nav', roles: ['admin'] }],
};
