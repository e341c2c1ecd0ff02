// Composition root: builds the HTTP server from the list of capabilities (each brings its routes,
// job handlers and background loops) plus the site-wide hooks every route shares: security
// headers, the anonymous page cache, the staff session, and the mapping of every error (ours and
// the framework's) onto one catalogue code and one page or JSON shape.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { accountsCapability } from './accounts/capability.ts';
import { loadStaffHook } from './accounts/guards.ts';
import { articlesCapability } from './articles/capability.ts';
import type { Capability } from './capability.ts';
import type { AppDeps } from './deps.ts';
import { Errors } from './errors.ts';
import { feedsCapability } from './feeds/capability.ts';
import { issuesCapability } from './issues/capability.ts';
import { opsCapability } from './ops/capability.ts';
import { pressCapability } from './press/capability.ts';
import { searchCapability } from './search/capability.ts';
import { studioCapability } from './studio/capability.ts';
import { webCapability } from './web/capability.ts';
import { errorServerOptions, isApiUrl, registerErrorResponses, sendAppError } from './web/error-response.ts';
import { registerPageCache } from './web/page-cache.ts';
import { securityHeaders } from './web/security-headers.ts';

export const CAPABILITIES: readonly Capability[] = [
  opsCapability,
  webCapability,
  accountsCapability,
  studioCapability,
  pressCapability,
  articlesCapability,
  issuesCapability,
  searchCapability,
  feedsCapability,
];

let jobsRegistered = false;
/** Registers every capability's job handlers once per process. */
export function registerAllJobs(): void {
  if (jobsRegistered) return;
  jobsRegistered = true;
  for (const c of CAPABILITIES) c.registerJobs?.();
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    ...errorServerOptions(config.bodyLimitBytes),
  });

  app.addHook('onSend', securityHeaders);
  registerPageCache(app, config.pageCacheSeconds);
  // Every page and guard can read request.staff (one indexed query, only when a session cookie is sent).
  app.addHook('onRequest', loadStaffHook(deps));
  registerErrorResponses(app, config.bodyLimitBytes);
  app.setNotFoundHandler((request, reply) => {
    const withoutSlash = trailingSlashRedirect(request.method, request.url);
    if (withoutSlash) return reply.redirect(withoutSlash, 301);
    return sendAppError(request, reply, Errors.notFound(isApiUrl(request.url) ? 'endpoint' : 'page'));
  });

  for (const c of CAPABILITIES) {
    if (c.routes) await app.register(async (scope) => c.routes!(scope, deps));
  }
  return app;
}

/**
 * "/categories/economy/" (a hand-typed or press-made link) means "/categories/economy". Never for
 * "//host/…", which a browser would read as another site.
 */
export function trailingSlashRedirect(method: string, url: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path.length < 2 || !path.endsWith('/') || path.startsWith('//') || path.startsWith('/api/')) return undefined;
  const trimmed = path.replace(/\/+$/, '');
  if (!trimmed || trimmed.startsWith('//') || trimmed.includes('\\')) return undefined;
  return trimmed + (q === -1 ? '' : url.slice(q));
}
