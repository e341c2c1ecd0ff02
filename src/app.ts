// Composition root: the list of capabilities and the HTTP server built from their manifests, plus
// the site-wide hooks every route shares: parsers, security headers, the anonymous page cache, the
// session's principal, and the mapping of every error (ours and the framework's) onto one
// catalogue code and one page or JSON shape. Nothing here knows what a capability does.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { accountsCapability } from './accounts/capability.ts';
import { apiDocsCapability } from './api-docs/capability.ts';
import { sameOriginPath } from './auth/safe-path.ts';
import { fastifyTrustProxy } from './auth/trust-proxy.ts';
import { articlesCapability } from './articles/capability.ts';
import { principalHook } from './auth/principal.ts';
import type { Capability, Registry } from './capability.ts';
import { assembleRegistry } from './registry.ts';
import { commentsCapability } from './comments/capability.ts';
import { demoCapability } from './demo/capability.ts';
import type { AppDeps } from './deps.ts';
import { Errors } from './errors.ts';
import { feedsCapability } from './feeds/capability.ts';
import { issuesCapability } from './issues/capability.ts';
import { mailCapability } from './mail/capability.ts';
import { opsCapability } from './ops/capability.ts';
import { pressCapability } from './press/capability.ts';
import { rankingCapability } from './ranking/capability.ts';
import { readersCapability } from './readers/capability.ts';
import { relatedCapability } from './related/capability.ts';
import { reportersCapability } from './reporters/capability.ts';
import { searchCapability } from './search/capability.ts';
import { subscriptionsCapability } from './subscriptions/capability.ts';
import { studioCapability } from './studio/capability.ts';
import { summaryCapability } from './summary/capability.ts';
import { webCapability } from './web/capability.ts';
import { errorServerOptions, isApiUrl, registerErrorResponses, sendAppError } from './web/error-response.ts';
import { refuseNulInForm, refuseNulInUrl } from './web/refuse-nul.ts';
import { registerPageCache } from './web/page-cache.ts';
import { OneLineLogController, registerRequestLog } from './web/request-log.ts';
import { securityHeaders } from './web/security-headers.ts';
import { EMPTY_FRAME } from './web/site-frame.ts';

/** Adding a capability: its folder, and one line here. Order is the order of slots and routes. */
export const CAPABILITIES: readonly Capability[] = [
  opsCapability,
  webCapability,
  accountsCapability,
  readersCapability,
  studioCapability,
  pressCapability,
  articlesCapability,
  searchCapability,
  issuesCapability,
  summaryCapability,
  reportersCapability,
  subscriptionsCapability,
  relatedCapability,
  rankingCapability,
  commentsCapability,
  feedsCapability,
  apiDocsCapability,
  mailCapability,
  demoCapability,
];

/** What the shipped capabilities declare; a test may assemble its own list. */
export const REGISTRY: Registry = assembleRegistry(CAPABILITIES);

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, registry } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    // One line per request instead of two (src/web/request-log.ts).
    logController: new OneLineLogController(),
    ...errorServerOptions(config.bodyLimitBytes),
  });

  const frame = registry.siteFrame?.(deps) ?? EMPTY_FRAME;
  await frame.refresh();
  app.decorate('site', {
    name: config.siteName,
    publicUrl: config.publicUrl,
    frame,
    stylesheets: registry.stylesheets,
  });
  // Parsers every capability's routes share: cookies, and HTML forms (urlencoded).
  await app.register(cookie);
  await app.register(formbody);
  app.addHook('onSend', securityHeaders);
  registerPageCache(app, {
    maxSeconds: config.pageCacheSeconds,
    uncachedPaths: registry.uncachedPaths,
    changes: deps.changes,
  });
  registerRequestLog(app);
  // A NUL reaching PostgreSQL is a 500 there: refused up front, alike on both databases.
  app.addHook('onRequest', refuseNulInUrl);
  app.addHook('preValidation', refuseNulInForm);
  // Every page and guard can read request.principal (one indexed query, only when a session cookie is sent).
  app.addHook('onRequest', principalHook(deps));
  registerErrorResponses(app, config.bodyLimitBytes);
  app.setNotFoundHandler((request, reply) => {
    const withoutSlash = trailingSlashRedirect(request.method, request.url);
    if (withoutSlash) return reply.redirect(withoutSlash, 301);
    return sendAppError(request, reply, Errors.notFound(isApiUrl(request.url) ? 'endpoint' : 'page'));
  });

  for (const c of registry.capabilities) {
    const routes = c.routes;
    if (routes) await app.register(async (scope) => routes(scope, deps));
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
  const target = trimmed + (q === -1 ? '' : url.slice(q));
  // The same check as every other redirect (accounts/safe-path.ts).
  return sameOriginPath(target) === undefined ? undefined : target;
}
