// Reader pages that browse across presses: /latest (every press's articles, newest first, with a
// category filter) and /press (the directory of presses).
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { feedAlternates } from '../web/feed-links.ts';
import { renderErrorPage } from '../web/error-pages.tsx';
import { pageLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { categoryName, pressName } from '../web/page-context.ts';
import { pressDirectory } from './press-directory-store.ts';
import { type CategoryRef, categoryArticles, latestArticles, parseCursor } from './read-store.ts';
import { LatestPage, latestPath } from './views/latest-page.tsx';
import { PressDirectoryPage } from './views/press-directory.tsx';

/** Like every list page, /latest answers whatever is typed: a value it cannot use is left out. */
const latestQuerySchema = z.object({
  category: z.string().max(100).optional().catch(undefined),
  before: z.string().max(40).optional().catch(undefined),
  after: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(999_999).optional().catch(undefined),
});

export async function directoryPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const pageSize = deps.config.pageSize;

  app.get('/latest', async (request, reply) => {
    const query = latestQuerySchema.parse(request.query ?? {});
    const categories = (await app.site.frame.categories()) as CategoryRef[];
    const category = query.category ? categories.find((c) => c.slug === query.category) : undefined;
    if (query.category && !category) {
      pageLocale(request, reply);
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage(request, 404, 'No such category.'));
    }
    const ctx = await pageContext(request, reply);
    const before = parseCursor(query.before);
    const after = before ? undefined : parseCursor(query.after);
    const q = { before, after, limit: pageSize };
    const list = category ? await categoryArticles(deps.db, category.id, q) : await latestArticles(deps.db, q);
    // The number only labels a page reached by a cursor; "?page=5" alone shows (and says) page 1.
    const page = (before || after) && query.page ? query.page : 1;
    const canonical = new URLSearchParams();
    if (category) canonical.set('category', category.slug);
    if (before) canonical.set('before', query.before!);
    else if (after) canonical.set('after', query.after!);
    if ((before || after) && query.page) canonical.set('page', String(query.page));
    const canonicalPath = canonical.size ? `/latest?${canonical}` : latestPath();
    const alternates = category
      ? feedAlternates(
          ctx.publicUrl,
          ctx.locale,
          { kind: 'category', slug: category.slug, name: categoryName(ctx.locale, category) },
          ctx.siteName,
        )
      : feedAlternates(ctx.publicUrl, ctx.locale, { kind: 'home' }, ctx.siteName);
    return sendPage(reply, h(LatestPage, { ctx, categories, category, list, page, canonicalPath, alternates }));
  });

  app.get('/press', async (request, reply) => {
    const ctx = await pageContext(request, reply);
    const presses = await pressDirectory(deps.db);
    const entries = presses.map((press) => ({
      press,
      feeds: feedAlternates(
        ctx.publicUrl,
        ctx.locale,
        { kind: 'press', slug: press.slug, name: pressName(ctx.locale, press) },
        ctx.siteName,
      ),
    }));
    return sendPage(reply, h(PressDirectoryPage, { ctx, entries }));
  });
}
