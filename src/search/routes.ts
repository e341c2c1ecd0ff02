// HTTP: the /search page, GET /api/v1/search (JSON) and /opensearch.xml.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { clientSource } from '../auth/client-source.ts';
import { hitRateLimit } from '../auth/rate-limit.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { pageLocale } from '../web/locale.ts';
import { pathWithoutLang } from '../web/page.ts';
import { categoryName } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { siteOf } from '../web/site-frame.ts';
import { KeptUntilChange } from '../web/kept-until-change.ts';
import { listPressSummaries } from '../press/index.ts';
import { toSearchRequest } from './model.ts';
import { openSearchDescription } from './opensearch.ts';
import { searchArticles } from './search-service.ts';
import { SearchPage } from './views.tsx';

/** The press filter's choices are read again at the latest this often. */
const PRESSES_KEPT_MS = 30_000;

/** Date filters the reader typed that the search could not use (it searched without them). */
function rejectedDates(raw: unknown, req: { from?: string; to?: string }): { from?: string; to?: string } {
  const typed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 40) : undefined);
  const query = (raw ?? {}) as Record<string, unknown>;
  return {
    from: req.from ? undefined : typed(query.from),
    to: req.to ? undefined : typed(query.to),
  };
}

export async function searchRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // A search can cost the database close to a second: the page and the API share one budget per
  // source (IPv4 address, IPv6 /64), so neither is a way around the other's limit.
  async function limitSearches(request: FastifyRequest): Promise<void> {
    const key = `search:${clientSource(request.ip)}`;
    const rate = await hitRateLimit(deps, key, { limit: deps.config.searchApiRatePerMinute, windowMs: 60_000 });
    if (!rate.allowed) throw Errors.rateLimited(rate.retryAfterSeconds);
  }

  app.get('/api/v1/search', async (request, reply) => {
    await limitSearches(request);
    const req = toSearchRequest(request.query);
    const res = await searchArticles(deps, { ...req, facets: true });
    return reply.header('cache-control', 'no-cache').send(res);
  });

  // The press filter's choices, read once per change as the front page's press list is (`front`:
  // every ingest announces it; a press added without one shows within PRESSES_KEPT_MS).
  const pressChoices = new KeptUntilChange(() => listPressSummaries(deps.db), {
    changes: deps.changes,
    tags: ['front'],
    db: deps.db,
    maxMs: PRESSES_KEPT_MS,
  });

  app.get('/search', async (request, reply) => {
    await limitSearches(request);
    const locale = pageLocale(request, reply);
    const req = toSearchRequest(request.query);
    const site = siteOf(request);
    const [response, categories, presses] = await Promise.all([
      searchArticles(deps, { ...req, facets: true }),
      // The menu's categories come from the site frame, as on every reader page.
      site.frame.categories(),
      pressChoices.get(),
    ]);
    const nav = categories.map((c) => ({ slug: c.slug, name: categoryName(locale, c) }));
    const page = h(SearchPage, {
      locale,
      siteName: deps.config.siteName,
      publicUrl: deps.config.publicUrl,
      path: pathWithoutLang(request),
      nav,
      categories: nav,
      presses: presses.map((p) => ({ slug: p.slug, name: p.name, nameEn: p.nameEn })),
      request: req,
      response,
      now: Date.now(),
      rejectedDates: rejectedDates(request.query, req),
      breaking: site.frame.breaking?.(),
      stylesheets: site.stylesheets,
    });
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(renderDocument(page));
  });

  app.get('/opensearch.xml', async (request, reply) => {
    const locale = pageLocale(request, reply);
    const site = deps.config.siteName;
    const xml = openSearchDescription({
      publicUrl: deps.config.publicUrl,
      shortName: t(locale, 'search.opensearch.short-name', { site }),
      description: t(locale, 'search.opensearch.description', { site }),
    });
    return reply
      .header('cache-control', 'public, max-age=86400')
      .type('application/opensearchdescription+xml; charset=utf-8')
      .send(xml);
  });
}
