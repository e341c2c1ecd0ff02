// /my/feed/:token/feed.xml (RSS), atom.xml (Atom), feed.json (JSON Feed): My news for a feed
// reader, which cannot sign in. The token is the only key, so an unknown or revoked one is a 404.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { type FeedFormat, sendFeed } from '../feeds/index.ts';
import { loadReaderAccount } from '../readers/index.ts';
import { readerOfFeedToken } from './feed-tokens.ts';
import { myNews } from './my-news.ts';

const FILES: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };
export const PRIVATE_FEED_ITEMS = 50;

export async function privateFeedRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { token: string; file: string } }>('/my/feed/:token/:file', async (request, reply) => {
    const format = FILES[request.params.file];
    const readerId = format ? await readerOfFeedToken(deps.db, request.params.token) : undefined;
    if (!format || readerId === undefined) throw Errors.notFound('feed');
    const [news, name] = await Promise.all([
      myNews(deps, readerId, PRIVATE_FEED_ITEMS),
      loadReaderAccount(deps.db, readerId),
    ]);
    reply.header('cache-control', 'private, no-cache').header('x-robots-tag', 'noindex');
    return sendFeed(
      deps,
      request,
      reply,
      {
        kind: 'source',
        prefix: 'my/feed',
        noun: 'my',
        slug: request.params.token,
        title: name?.nickname ?? '',
        articleIds: news.items.map((i) => i.card.id),
      },
      format,
    );
  });
}
