// A capability plugs into the app in one place (src/app.ts): its HTTP routes, its job handlers,
// and any background loop it runs while the server is up.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.ts';

export interface Capability {
  name: string;
  routes?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  /** Called once per process before the job worker starts. */
  registerJobs?(): void;
  /** Starts a background loop (e.g. feed polling); returns its stop function. */
  startBackground?(deps: AppDeps): () => Promise<void>;
}
