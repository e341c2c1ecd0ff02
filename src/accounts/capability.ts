// The accounts capability: staff sign-in/out. Guards and CSRF helpers (guards.ts, csrf.tsx) are
// used by every capability that has staff pages or forms.
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../capability.ts';
import { loginRoutes } from './login-routes.tsx';

/** HTML forms post application/x-www-form-urlencoded; register the parser once per plugin scope. */
export async function acceptForms(app: FastifyInstance): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
}

export const accountsCapability: Capability = {
  name: 'accounts',
  async routes(app, deps) {
    await acceptForms(app);
    await loginRoutes(app, deps);
  },
};
