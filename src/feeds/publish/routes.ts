// Published feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) for everything, each press, each category
// and each issue; sitemaps and robots.txt. Every answer supports conditional GET.
import { parseIdParam } from '../../web/params.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { Errors } from '../../errors.ts';
import type { Locale } from '../../web/i18n/index.ts';
import { renderAtom } from './atom.ts';
import { answerConditional, validatorsFor } from './conditional.ts';
import type { FeedDocument, FeedFormat } from './feed-document.ts';
import { FEED_FILES, loadFeedDocument, type FeedScope } from './feed-query.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';
import { articlesSitemap, newsSitemap, pagesSitemap, robotsTxt, sitemapIndex } from './sitemaps.ts';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const RENDER: Record<FeedFormat, (doc: FeedDocument) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};
const XML = 'application/xml; charset=utf-8';

function feedLocale(request: FastifyRequest): Locale {
  return (request.query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'ko';
}

export async function sendFeed(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: FeedScope | undefined,
  format: FeedFormat,
) {
  if (!scope) throw Errors.notFound('feed');
  const locale = feedLocale(request);
  const doc = await loadFeedDocument(deps, scope, locale);
  if (!doc) throw Errors.notFound('feed');
  const validators = validatorsFor(
    [format, locale, doc.title, doc.description, doc.items.map((i) => [i.id, i.updatedAt])],
    doc.updatedAt,
  );
  if (answerConditional(request, reply, validators)) return reply.status(304).send();
  return reply.type(CONTENT_TYPES[format]).send(RENDER[format](doc));
}

export async function publishRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const formats = Object.entries(FEED_FILES) as Array<[FeedFormat, string]>;
  for (const [format, file] of formats) {
    app.get(`/${file}`, (req, reply) => sendFeed(deps, req, reply, { kind: 'all' }, format));
    app.get<{ Params: { slug: string } }>(`/press/:slug/${file}`, (req, reply) =>
      sendFeed(deps, req, reply, { kind: 'press', slug: req.params.slug }, format),
    );
    app.get<{ Params: { slug: string } }>(`/categories/:slug/${file}`, (req, reply) =>
      sendFeed(deps, req, reply, { kind: 'category', slug: req.params.slug }, format),
    );
    for (const source of deps.registry.feedSources) {
      app.get<{ Params: { slug: string } }>(`/${source.prefix}/:slug/${file}`, async (req, reply) => {
        const found = await source.lookup(deps, req.params.slug);
        const scope = found && {
          kind: 'source' as const,
          prefix: source.prefix,
          noun: source.noun,
          slug: req.params.slug,
          ...found,
        };
        return sendFeed(deps, req, reply, scope, format);
      });
    }
  }

  app.get('/sitemap.xml', async (req, reply) => {
    const index = await sitemapIndex(deps);
    if (
      answerConditional(req, reply, validatorsFor(['index', index.maxId, index.lastModified], index.lastModified), 3600)
    )
      return reply.status(304).send();
    return reply.type(XML).send(index.xml);
  });
  app.get('/sitemaps/pages.xml', async (req, reply) => {
    const xml = await pagesSitemap(deps);
    if (answerConditional(req, reply, validatorsFor(xml, 0), 3600)) return reply.status(304).send();
    return reply.type(XML).send(xml);
  });
  app.get<{ Params: { n: string } }>('/sitemaps/articles-:n.xml', async (req, reply) => {
    const block = parseIdParam(req.params.n);
    if (block === undefined || block > 1_000_000) throw Errors.notFound('sitemap');
    const map = await articlesSitemap(deps, block);
    if (answerConditional(req, reply, validatorsFor(map.xml, map.lastModified), 3600)) return reply.status(304).send();
    return reply.type(XML).send(map.xml);
  });
  app.get('/sitemap-news.xml', async (req, reply) => {
    const news = await newsSitemap(deps);
    if (answerConditional(req, reply, validatorsFor(news.xml, news.lastModified), 300)) return reply.status(304).send();
    return reply.type(XML).send(news.xml);
  });
  app.get('/robots.txt', async (_req, reply) => {
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(deps.config.publicUrl));
  });
}
