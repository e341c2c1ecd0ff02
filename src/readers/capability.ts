// The readers capability: reader accounts as a principal kind (they sign in on the one /login
// form), sign-up with a verified address, password reset, /account (profile, sessions,
// preferences, export, deletion), optional OpenID Connect sign-in, the terms and privacy pages,
// and /studio/readers for admins.
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { accountRoutes } from './account-routes.tsx';
import { adminRoutes } from './admin-routes.tsx';
import { legalRoutes } from './legal-routes.tsx';
import { oidcRoutes } from './oidc-routes.tsx';
import { oidcSettingsFromConfig, type OidcSettings } from './oidc-settings.ts';
import { resetRequestJob } from './password-reset.ts';
import { loadCommonPasswords } from './password-policy.ts';
import { readersDataPart } from './privacy.ts';
import { publicRoutes } from './public-routes.tsx';
import { readerPrincipalKind } from './reader.ts';

export interface ReadersOptions {
  /** The identity provider; undefined: from SOSIK_OIDC_*; null: none. Tests pass a loopback provider. */
  oidc?: OidcSettings | null;
}

export function createReadersCapability(options: ReadersOptions = {}): Capability {
  const settingsFor = (deps: Pick<AppDeps, 'config'>) =>
    options.oidc === undefined ? oidcSettingsFromConfig(deps.config) : (options.oidc ?? undefined);
  return {
    name: 'readers',
    assets: { dir: new URL('./static/', import.meta.url), stylesheets: ['readers.css'] },
    async routes(app: FastifyInstance, deps: AppDeps) {
      const oidc = settingsFor(deps);
      await publicRoutes(oidc?.name)(app, deps);
      await accountRoutes(app, deps);
      await legalRoutes(app, deps);
      await adminRoutes(app, deps);
      if (oidc) await oidcRoutes(oidc)(app, deps);
    },
    jobs: [resetRequestJob],
    principals: [readerPrincipalKind((deps) => settingsFor(deps)?.name)],
    readerData: readersDataPart,
    staffNav: [{ href: '/studio/readers', label: 'readers.admin.nav', roles: ['admin'] }],
    uncachedPaths: ['/signup', '/verify-email', '/password-reset', '/account', '/readers/', '/studio/readers'],
    async onServe() {
      // The common-password list loads in a worker thread; warm it before the first sign-up.
      await loadCommonPasswords();
    },
  };
}

export const readersCapability: Capability = createReadersCapability();
