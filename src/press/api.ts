// The press API: presses deliver ninjs items and read back what Sosik made of them.
import { parseIdParam } from '../web/params.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hitRateLimit } from '../auth/rate-limit.ts';
import { currentVersion, ingestArticle } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import type { Press } from '../db/schema.ts';
import { Errors } from '../errors.ts';
import { registerGuardedJsonParser } from './json-body.ts';
import { findPressByApiKey } from './keys.ts';
import { registerBatchRoute } from './batch-api.ts';
import { articleToNinjs } from './ninjs/from-article.ts';
import { ninjsToArticle } from './ninjs/to-article.ts';

declare module 'fastify' {
  interface FastifyRequest {
    press?: Press;
  }
}

export function articleUrl(deps: AppDeps, id: number): string {
  return `${deps.config.publicUrl}/articles/${id}`;
}

export async function pressApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // ninjs has its own media type; accept it as JSON. Both refuse hostile nesting before parsing.
  registerGuardedJsonParser(app, ['application/ninjs+json', 'application/vnd.iptc.ninjs+json']);

  async function authenticate(request: FastifyRequest): Promise<Press> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw Errors.unauthorized();
    const press = await findPressByApiKey(deps, match[1]);
    if (!press) throw Errors.unauthorized('The API key is not valid (it may have been rotated).');
    const rate = await hitRateLimit(deps, `api:${press.id}`, { limit: deps.config.apiRatePerMinute, windowMs: 60_000 });
    if (!rate.allowed) throw Errors.rateLimited(rate.retryAfterSeconds);
    request.press = press;
    return press;
  }

  // Authenticate before the body is read: an unauthenticated client learns nothing from parse errors
  // and cannot make us buffer 2 MiB.
  const onRequest = async (request: FastifyRequest) => {
    await authenticate(request);
  };

  app.post('/api/v1/articles', { onRequest }, async (request, reply) => {
    const press = request.press!;
    const input = ninjsToArticle(request.body);
    const result = await ingestArticle(deps, { pressId: press.id, source: 'api', input, original: request.body });
    const url = articleUrl(deps, result.id);
    reply.status(result.created ? 201 : 200).header('location', url);
    return { id: result.id, url, revision: result.revision, status: result.status, changed: result.changed };
  });

  registerBatchRoute(app, deps, onRequest, (id) => articleUrl(deps, id));

  app.get<{ Params: { id: string } }>('/api/v1/articles/:id', { onRequest }, async (request) => {
    const press = request.press!;
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('article');
    const article = await currentVersion(deps.db, id);
    if (!article) throw Errors.notFound('article');
    if (article.pressId !== press.id) throw Errors.forbidden('This article belongs to another press.');
    return articleToNinjs({
      id,
      uri: article.uri,
      status: article.status,
      revision: article.revision,
      firstCreatedAt: article.firstCreatedAt,
      updatedAt: article.updatedAt,
      url: articleUrl(deps, id),
      categories: article.categories,
      input: article.input,
      pubstatus: article.pubstatus,
    });
  });
}
