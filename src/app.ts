// Composition root: the list of capabilities and the HTTP server built from their manifests.
// Nothing here knows what a capability does; each one declares what it brings in its
// capability.ts (src/capability.ts says what a manifest may hold).
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { accountsCapability } from './accounts/capability.ts';
import { apiDocsCapability } from './api-docs/capability.ts';
import { articlesCapability } from './articles/capability.ts';
import { principalHook } from './auth/principal.ts';
import { type Capability, type Registry } from './capability.ts';
import { assembleRegistry } from './registry.ts';
import { demoCapability } from './demo/capability.ts';
import type { AppDeps } from './deps.ts';
import { AppError, Errors } from './errors.ts';
import { feedsCapability } from './feeds/capability.ts';
import { issuesCapability } from './issues/capability.ts';
import { opsCapability } from './ops/capability.ts';
import { pressCapability } from './press/capability.ts';
import { readersCapability } from './readers/capability.ts';
import { searchCapability } from './search/capability.ts';
import { studioCapability } from './studio/capability.ts';
import { webCapability } from './web/capability.ts';
import { renderErrorPage } from './web/error-pages.tsx';
import { registerPageCache } from './web/page-cache.ts';
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
  feedsCapability,
  apiDocsCapability,
  demoCapability,
];

/** What the shipped capabilities declare; a test may assemble its own list. */
export const REGISTRY: Registry = assembleRegistry(CAPABILITIES);

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, registry } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });

  const frame = registry.siteFrame?.(deps) ?? EMPTY_FRAME;
  await frame.refresh();
  app.decorate('site', { name: config.siteName, publicUrl: config.publicUrl, frame });
  // Parsers every capability's routes share: cookies, and HTML forms (urlencoded).
  await app.register(cookie);
  await app.register(formbody);
  app.addHook('onSend', securityHeaders);
  registerPageCache(app, config.pageCacheSeconds, registry.uncachedPaths);
  // Every page and guard can read request.principal (one indexed query, only when a session cookie is sent).
  app.addHook('onRequest', principalHook(deps));
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) request.log.error({ err }, 'request failed');
    reply.status(appErr.status);
    if (appErr.retryAfterSeconds !== undefined) reply.header('retry-after', String(appErr.retryAfterSeconds));
    if (request.url.startsWith('/api/')) return reply.type('application/json; charset=utf-8').send(appErr.toJSON());
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, appErr.status, appErr.message));
  });
  app.setNotFoundHandler((request, reply) => {
    const withoutSlash = trailingSlashRedirect(request.method, request.url);
    if (withoutSlash) return reply.redirect(withoutSlash, 301);
    const err = Errors.notFound(request.url.startsWith('/api/') ? 'endpoint' : 'page');
    reply.status(404);
    if (request.url.startsWith('/api/')) return reply.send(err.toJSON());
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, 404, err.message));
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
  return trimmed + (q === -1 ? '' : url.slice(q));
}

/** Maps framework errors (body parsing, size limits, schema validation) onto our stable codes. */
function toAppError(err: FastifyError | AppError): AppError {
  if (err instanceof AppError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return Errors.tooLarge(Number((err as { limit?: number }).limit) || 0);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return Errors.badJson(err.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, err.message);
    case 'FST_ERR_VALIDATION':
      return Errors.validation(
        (err.validation ?? []).map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'invalid' })),
      );
  }
  if (err.statusCode && err.statusCode < 500) {
    if (err instanceof SyntaxError) return Errors.badJson(err.message);
    return new AppError(err.code ?? 'BAD_REQUEST', err.statusCode, err.message);
  }
  return new AppError('INTERNAL', 500, 'Something went wrong on our side. It has been logged.', undefined, { cause: err });
}
