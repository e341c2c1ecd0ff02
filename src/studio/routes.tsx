// /studio: press staff see their press's articles and revisions; admins (and, read-only, editors)
// see every press; admins create presses and rotate their API keys.
import { parseIdParam } from '../web/params.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, verifyCsrf } from '../auth/csrf.tsx';
import { assertCanSeePress, requireStaff, sendStaffPage, staffOf } from '../accounts/index.ts';
import { publicUrlWarning } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { AppError, Errors } from '../errors.ts';
import { createPress, rotateApiKey } from '../press/index.ts';
import { t } from '../web/i18n/index.ts';
import { pressSummariesEnabled } from '../summary/index.ts';
import { studioSettingsRoutes } from './settings-routes.ts';
import { findArticleWithRevisions, findPress, listPressArticles, listPresses } from './store.ts';
import { ArticleDetailView, NewKeyView, PressArticlesView, PressesView, type PressFormState } from './views.tsx';

function pageNumber(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown>).page;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

function formField(body: unknown, name: string): string | undefined {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export async function studioRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const anyStaff = requireStaff(deps);
  const adminOnly = requireStaff(deps, ['admin']);
  const csrf = verifyCsrf(deps);
  await studioSettingsRoutes(app, deps);

  async function sendPressArticles(request: FastifyRequest, reply: FastifyReply, slug: string, basePath: string) {
    const staff = staffOf(request);
    const press = await findPress(deps.db, slug);
    if (!press) throw Errors.notFound('press');
    assertCanSeePress(staff, press.id);
    const page = pageNumber(request);
    const { rows, hasMore } = await listPressArticles(deps.db, press.id, page, deps.config.pageSize);
    const token = await csrfToken(request, reply, deps);
    // Editors read this page; the press's own staff and admins may switch its summaries.
    const summaries =
      staff.role === 'editor'
        ? undefined
        : {
            enabled: await pressSummariesEnabled(deps.db, press.id),
            saved: (request.query as Record<string, unknown>).saved === 'summaries',
          };
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'studio.articles.title', { press: press.name }),
      body: (
        <PressArticlesView
          locale={locale}
          press={press}
          rows={rows}
          page={page}
          hasMore={hasMore}
          basePath={basePath}
          canManage={staff.role === 'admin'}
          csrfToken={token}
          summaries={summaries}
        />
      ),
    }));
  }

  async function sendPressesPage(request: FastifyRequest, reply: FastifyReply, form?: PressFormState) {
    const staff = staffOf(request);
    const presses = await listPresses(deps.db);
    const token = await csrfToken(request, reply, deps);
    // Admins run the site: tell them when every shared link would point readers at localhost.
    const publicUrlProblem = staff.role === 'admin' && publicUrlWarning(deps.config) ? deps.config : undefined;
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'studio.title'),
      status: form?.status,
      body: (
        <PressesView
          locale={locale}
          presses={presses}
          canManage={staff.role === 'admin'}
          csrfToken={token}
          form={form}
          publicUrlProblem={publicUrlProblem}
        />
      ),
    }));
  }

  app.get('/studio', { preHandler: anyStaff }, async (request, reply) => {
    const staff = staffOf(request);
    if (staff.role === 'press') return sendPressArticles(request, reply, staff.press!.slug, '/studio');
    return sendPressesPage(request, reply);
  });

  app.get<{ Params: { slug: string } }>('/studio/presses/:slug', { preHandler: anyStaff }, async (request, reply) =>
    sendPressArticles(
      request,
      reply,
      request.params.slug,
      `/studio/presses/${encodeURIComponent(request.params.slug)}`,
    ),
  );

  app.get<{ Params: { id: string } }>('/studio/articles/:id', { preHandler: anyStaff }, async (request, reply) => {
    const staff = staffOf(request);
    const id = parseIdParam(request.params.id);
    const article = id === undefined ? undefined : await findArticleWithRevisions(deps.db, id);
    if (!article) throw Errors.notFound('article');
    assertCanSeePress(staff, article.pressId);
    const backHref = staff.role === 'press' ? '/studio' : `/studio/presses/${article.pressSlug}`;
    const token = await csrfToken(request, reply, deps);
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: article.headline,
      body: <ArticleDetailView locale={locale} article={article} backHref={backHref} csrfToken={token} />,
    }));
  });

  // The new key is shown in this response only (never stored in clear, never redirected through a URL).
  app.post('/studio/presses', { preHandler: [adminOnly, csrf] }, async (request, reply) => {
    const values = {
      slug: formField(request.body, 'slug') ?? '',
      name: formField(request.body, 'name') ?? '',
      nameEn: formField(request.body, 'nameEn'),
      homepage: formField(request.body, 'homepage'),
    };
    let created: Awaited<ReturnType<typeof createPress>>;
    try {
      created = await createPress(deps, values);
    } catch (err) {
      // A mistake in the form comes back as the form, filled in, with the reason in words.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return sendPressesPage(request, reply, { status: err.status, errorCode: err.code, values });
    }
    const { press, apiKey } = created;
    request.log.info({ press: press.slug, by: staffOf(request).userId }, 'press created in studio');
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'studio.key.title'),
      status: 201,
      body: <NewKeyView locale={locale} press={press} apiKey={apiKey} />,
    }));
  });

  app.post<{ Params: { slug: string } }>(
    '/studio/presses/:slug/rotate-key',
    { preHandler: [adminOnly, csrf] },
    async (request, reply) => {
      const press = await findPress(deps.db, request.params.slug);
      if (!press) throw Errors.notFound('press');
      const apiKey = await rotateApiKey(deps, press.slug);
      request.log.info({ press: press.slug, by: staffOf(request).userId }, 'press API key rotated in studio');
      return sendStaffPage(request, reply, deps, (locale) => ({
        title: t(locale, 'studio.key.title'),
        body: <NewKeyView locale={locale} press={press} apiKey={apiKey} />,
      }));
    },
  );
}
