// The press API: presses deliver ninjs items and read back what Sosik made of them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hitRateLimit } from '../accounts/rate-limit.ts';
import { ingestArticle } from '../articles/ingest.ts';
import type { ArticleInput } from '../articles/model.ts';
import type { AppDeps } from '../deps.ts';
import type { Press } from '../db/schema.ts';
import { Errors } from '../errors.ts';
import { registerGuardedJsonParser } from './json-body.ts';
import { findPressByApiKey } from './keys.ts';
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

  app.get<{ Params: { id: string } }>('/api/v1/articles/:id', { onRequest }, async (request) => {
    const press = request.press!;
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw Errors.notFound('article');
    const article = await deps.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!article) throw Errors.notFound('article');
    if (article.press_id !== press.id) throw Errors.forbidden('This article belongs to another press.');
    const [latest, categories] = await Promise.all([
      deps.db
        .selectFrom('article_revisions')
        .select(['normalized', 'pubstatus'])
        .where('article_id', '=', id)
        .orderBy('revision', 'desc')
        .executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('article_categories')
        .innerJoin('categories', 'categories.id', 'article_categories.category_id')
        .select(['categories.slug', 'categories.name_en as name'])
        .where('article_categories.article_id', '=', id)
        .orderBy('categories.position')
        .execute(),
    ]);
    return articleToNinjs({
      id,
      uri: article.uri,
      status: article.status,
      revision: article.revision,
      firstCreatedAt: article.first_created_at,
      updatedAt: article.updated_at,
      url: articleUrl(deps, id),
      categories,
      input: JSON.parse(latest.normalized) as ArticleInput,
      pubstatus: latest.pubstatus,
    });
  });
}
