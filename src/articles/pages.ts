// Reader-facing routes: home, category and press lists, the article page.
import { parseIdParam } from '../web/params.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../deps.ts';
import { feedAlternates } from '../web/feed-links.ts';
import { renderErrorPage } from '../web/error-pages.tsx';
import { t } from '../web/i18n/index.ts';
import { dateTime } from '../web/format.ts';
import { pageLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { KeptByKey, KeptUntilChange } from '../web/kept-until-change.ts';
import { RenderedFragments } from '../web/fragments.ts';
import { cachePageTags } from '../web/page-cache.ts';
import { renderFollowControl, renderHomeOrder, renderSlots } from '../web/slots.ts';
import { frontPage } from './front-page-store.ts';
import { articleDetail } from './article-detail-store.ts';
import {
  categoryArticles,
  findCategory,
  findPress,
  listPresses,
  parseCursor,
  type CategoryRef,
  pressArticles,
  type ListQuery,
} from './read-store.ts';
import { ArticlePage } from './views/article.tsx';
import { categoryName, pressName } from '../web/page-context.ts';
import { HomeCategoriesContent, HomeLatestContent, HomePage, HomePressesContent } from './views/home.tsx';
import { CategoryPage, PressPage } from './views/list-page.tsx';

const HOME_LATEST = 12;
const HOME_PER_CATEGORY = 4;
const HOME_PER_PRESS = 4;
/** The front page's boxes are read again at the latest this often, as the site frame's headlines are. */
const FRONT_KEPT_MS = 30_000;
/** Articles whose stored detail is kept between renders: the most read ones (bodies are ~10–50 kB). */
const KEPT_ARTICLES = 200;

type ListParams = { before?: string; after?: string; page?: string; lang?: string };

function listQuery(query: ListParams, limit: number): { q: ListQuery; page: number } {
  const pageNo = Number(query.page);
  const q = { before: parseCursor(query.before), after: parseCursor(query.after), limit };
  // The number only labels a page reached by a cursor; "?page=5" alone shows (and says) page 1.
  const hasCursor = q.before !== undefined || q.after !== undefined;
  return { q, page: hasCursor && Number.isInteger(pageNo) && pageNo >= 1 && pageNo < 1_000_000 ? pageNo : 1 };
}

/** The list's own canonical URL: its cursor is part of what it shows, `lang` is not. */
function listCanonicalPath(basePath: string, query: ListParams): string {
  const keep = new URLSearchParams();
  if (parseCursor(query.before)) keep.set('before', query.before!);
  else if (parseCursor(query.after)) keep.set('after', query.after!);
  if (keep.size && query.page) keep.set('page', query.page);
  return keep.size ? `${basePath}?${keep}` : basePath;
}

export async function articlePages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const pageSize = deps.config.pageSize;
  const { slots } = deps.registry;
  const latestHeadlines = () => app.site.frame.latest();

  async function notFound(request: FastifyRequest, reply: FastifyReply, what: string) {
    pageLocale(request, reply);
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request, 404, `No such ${what}.`));
  }

  // The boxes every front-page render shows alike: read once per change (`front`: any article
  // accepted, revised or withdrawn), not once per render.
  const frontBoxes = new KeptUntilChange(
    async () => {
      const [front, presses] = await Promise.all([
        frontPage(deps.db, { latest: HOME_LATEST, perCategory: HOME_PER_CATEGORY, perPress: HOME_PER_PRESS }),
        listPresses(deps.db),
      ]);
      // The sections' HTML goes with the data it is rendered from (one render per change and locale).
      return { front, presses, fragments: new RenderedFragments() };
    },
    { changes: deps.changes, tags: ['front'], db: deps.db, maxMs: FRONT_KEPT_MS },
  );
  app.get('/', async (request, reply) => {
    const ctx = await pageContext(request, reply);
    const [{ front, presses, fragments }, boxes, categories, order] = await Promise.all([
      frontBoxes.get(),
      renderSlots(deps, 'homeBox', slots.homeBox, deps, ctx),
      app.site.frame.categories() as Promise<CategoryRef[]>,
      renderHomeOrder(deps, request, ctx),
    ]);
    const alternates = feedAlternates(ctx.publicUrl, ctx.locale, { kind: 'home' }, ctx.siteName);
    cachePageTags(reply, ['front', 'issues']);
    const sections = { ...front, categories, presses };
    const categoriesKey = categories.map((c) => `${c.id}:${c.slug}:${c.nameKo}:${c.nameEn}`).join('|');
    const html = {
      latest: fragments.get(`latest:${ctx.locale}`, () => h(HomeLatestContent, { ctx, data: sections })),
      categories: fragments.get(`categories:${ctx.locale}:${categoriesKey}`, () =>
        h(HomeCategoriesContent, { ctx, data: sections }),
      ),
      presses: fragments.get(`presses:${ctx.locale}`, () => h(HomePressesContent, { ctx, data: sections })),
    };
    return sendPage(reply, h(HomePage, { ctx, data: { boxes, alternates, order: order ?? undefined, html } }));
  });

  app.get<{ Params: { slug: string }; Querystring: ListParams }>('/categories/:slug', async (request, reply) => {
    const category = await findCategory(deps.db, request.params.slug);
    if (!category) return notFound(request, reply, 'category');
    const ctx = await pageContext(request, reply);
    const { q, page } = listQuery(request.query, pageSize);
    const list = await categoryArticles(deps.db, category.id, q);
    const canonicalPath = listCanonicalPath(`/categories/${category.slug}`, request.query);
    const feed = { kind: 'category' as const, slug: category.slug, name: categoryName(ctx.locale, category) };
    const alternates = feedAlternates(ctx.publicUrl, ctx.locale, feed, ctx.siteName);
    const latest = latestHeadlines();
    const follow = await renderFollowControl(
      deps,
      { kind: 'category', id: category.id, name: feed.name },
      request,
      ctx,
    );
    cachePageTags(reply, [`category:${category.id}`, 'front']);
    return sendPage(reply, h(CategoryPage, { ctx, category, list, page, canonicalPath, latest, alternates, follow }));
  });

  app.get<{ Params: { slug: string }; Querystring: ListParams }>('/press/:slug', async (request, reply) => {
    const press = await findPress(deps.db, request.params.slug);
    if (!press) return notFound(request, reply, 'press');
    const ctx = await pageContext(request, reply);
    const { q, page } = listQuery(request.query, pageSize);
    const list = await pressArticles(deps.db, press.id, q);
    const canonicalPath = listCanonicalPath(`/press/${press.slug}`, request.query);
    const feed = { kind: 'press' as const, slug: press.slug, name: pressName(ctx.locale, press) };
    const alternates = feedAlternates(ctx.publicUrl, ctx.locale, feed, ctx.siteName);
    const latest = latestHeadlines();
    const follow = await renderFollowControl(deps, { kind: 'press', id: press.id, name: feed.name }, request, ctx);
    cachePageTags(reply, [`press:${press.id}`, 'front']);
    return sendPage(reply, h(PressPage, { ctx, press, list, page, canonicalPath, latest, alternates, follow }));
  });

  // An article's stored detail (body, photos, categories, its press's previous and next): read once
  // per change to it (`article:<id>`) or to any article (`front`, which every ingest announces and
  // which covers a new neighbour); a withdrawal committed here drops it at once.
  const keptDetails = new KeptByKey<number, Awaited<ReturnType<typeof articleDetail>>>({
    changes: deps.changes,
    db: deps.db,
    tags: (id) => [`article:${id}`, 'front'],
    maxKeys: KEPT_ARTICLES,
    maxMs: FRONT_KEPT_MS,
  });
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    const article = id === undefined ? undefined : await keptDetails.get(id, () => articleDetail(deps.db, id));
    if (!article) return notFound(request, reply, 'article');
    if (article.status === 'withdrawn') {
      const locale = pageLocale(request, reply);
      const detail = t(locale, 'articles.withdrawn.detail', {
        press: pressName(locale, article.press),
        time: dateTime(locale, article.withdrawnAt ?? article.updatedAt),
      });
      const html = renderErrorPage(request, 410, 'This article has been withdrawn.', { detail });
      return reply.status(410).type('text/html; charset=utf-8').send(html);
    }
    const ctx = await pageContext(request, reply);
    const slotArticle = { id: article.id, pressId: article.press.id, lang: article.lang };
    const [follow, header, lead, sections, aside] = await Promise.all([
      renderFollowControl(
        deps,
        { kind: 'press', id: article.press.id, name: pressName(ctx.locale, article.press) },
        request,
        ctx,
      ),
      renderSlots(deps, 'articleHeader', slots.articleHeader, deps, slotArticle, ctx),
      renderSlots(deps, 'articleLead', slots.articleLead, deps, slotArticle, ctx),
      renderSlots(deps, 'articleSection', slots.articleSection, deps, slotArticle, ctx),
      renderSlots(deps, 'articleAside', slots.articleAside, deps, slotArticle, ctx),
    ]);
    // A reader who likes the article most likely wants its press's feed.
    const feed = { kind: 'press' as const, slug: article.press.slug, name: pressName(ctx.locale, article.press) };
    const alternates = feedAlternates(ctx.publicUrl, ctx.locale, feed, ctx.siteName);
    const latest = latestHeadlines();
    // Its issue link (header slot) and the latest headlines beside it are part of what it shows.
    cachePageTags(reply, [`article:${article.id}`, `press:${article.press.id}`, 'front', 'issues']);
    return sendPage(
      reply,
      h(ArticlePage, { ctx, article, slots: { header, lead, sections, aside }, follow, latest, alternates }),
    );
  });
}
