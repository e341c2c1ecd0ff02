// HTTP: /issues (active issues by category), /issues/:slug (one issue), and the editors' POST form.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { csrfToken, verifyCsrf } from '../accounts/csrf.tsx';
import { getStaff, requireStaff, staffOf } from '../accounts/guards.ts';
import type { PageContext } from '../articles/views/context.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { feedAlternates } from '../feeds/publish/alternates.ts';
import { registerIssueFeedSource } from '../feeds/publish/issue-source.ts';
import { renderErrorPage } from '../web/error-pages.tsx';
import { pageLocale } from '../web/locale.ts';
import { renderDocument } from '../web/render.ts';
import { applyEditorAction } from './editor.ts';
import { parseEditorForm } from './editor-form.ts';
import { idFromSlug } from './naming.ts';
import { activeIssues, findIssueBySlug, issueArticles, listIssueCategories } from './read-store.ts';
import { isDormant, issueDetail } from './service.ts';
import { IssuePage } from './views/issue-page.tsx';
import { IssuesListPage } from './views/issues-list.tsx';

const EDITOR_ROLES = ['editor', 'admin'] as const;
const LIST_LIMIT = 100;

// biome-ignore lint/suspicious/noExplicitAny: any page component's props
function sendPage(reply: FastifyReply, page: VNode<any>): FastifyReply {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(renderDocument(page));
}

function pathWithoutLang(request: FastifyRequest): string {
  const [path, search] = request.url.split('?');
  const params = new URLSearchParams(search ?? '');
  params.delete('lang');
  return params.size ? `${path}?${params}` : path!;
}

export async function issueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  registerIssueFeedSource(async (d, slug) => {
    const found = await findIssueBySlug(d.db, slug);
    if (found.kind !== 'found' || !found.issue.visible) return undefined;
    const articles = await issueArticles(d.db, found.issue.id, 50);
    return { title: found.issue.name, articleIds: articles.map((a) => a.id) };
  });

  async function context(request: FastifyRequest, reply: FastifyReply): Promise<PageContext & { categories: Awaited<ReturnType<typeof listIssueCategories>> }> {
    const locale = pageLocale(request, reply);
    const categories = await listIssueCategories(deps.db);
    return {
      locale,
      siteName: deps.config.siteName,
      publicUrl: deps.config.publicUrl,
      path: pathWithoutLang(request),
      nav: categories.map((c) => ({ slug: c.slug, name: locale === 'ko' ? c.name_ko : c.name_en })),
      now: Date.now(),
      categories,
    };
  }

  app.get<{ Querystring: { category?: string } }>('/issues', async (request, reply) => {
    const ctx = await context(request, reply);
    const slug = typeof request.query.category === 'string' ? request.query.category : undefined;
    const category = slug ? ctx.categories.find((c) => c.slug === slug) : undefined;
    const since = ctx.now - deps.config.issueDormantHours * 3_600_000;
    const issues = await activeIssues(deps.db, { since, categoryId: category?.id, limit: LIST_LIMIT });
    return sendPage(
      reply,
      h(IssuesListPage, { ctx, issues, categories: ctx.nav, activeCategory: category?.slug }),
    );
  });

  app.get<{ Params: { slug: string } }>('/issues/:slug', async (request, reply) => {
    const found = await findIssueBySlug(deps.db, request.params.slug);
    if (found.kind === 'redirect') return reply.redirect(`/issues/${encodeURIComponent(found.slug)}`, 301);
    const staff = await getStaff(request, deps);
    const isEditor = !!staff && (EDITOR_ROLES as readonly string[]).includes(staff.role);
    if (found.kind === 'missing' || (!found.issue.visible && !isEditor)) {
      pageLocale(request, reply);
      return reply.status(404).type('text/html; charset=utf-8').send(renderErrorPage(request, 404, 'No such issue.'));
    }
    const { issue } = found;
    const ctx = await context(request, reply);
    const [detail, editorName] = await Promise.all([
      issueDetail(deps, issue),
      isEditor ? deps.db.selectFrom('issues').select('editor_name').where('id', '=', issue.id).executeTakeFirst() : undefined,
    ]);
    const alternates = feedAlternates(ctx.publicUrl, ctx.locale, { kind: 'issue', slug: issue.slug, name: issue.name }, ctx.siteName);
    const editor = isEditor
      ? { locale: ctx.locale, csrfToken: await csrfToken(request, reply, deps), editorName: editorName?.editor_name ?? null }
      : null;
    const presses = detail.presses.map((p) => ({ slug: p.slug, name: ctx.locale === 'en' && p.nameEn ? p.nameEn : p.name, count: p.count }));
    return sendPage(
      reply,
      h(IssuePage, {
        ctx,
        data: {
          issue,
          ...detail,
          presses,
          alternates,
          dormant: isDormant(issue, deps.config.issueDormantHours, ctx.now),
          editor,
        },
      }),
    );
  });

  app.post<{ Params: { slug: string } }>(
    '/issues/:slug/edit',
    { preHandler: [requireStaff(deps, EDITOR_ROLES), verifyCsrf(deps)] },
    async (request, reply) => {
      const found = await findIssueBySlug(deps.db, request.params.slug);
      if (found.kind === 'missing') throw Errors.notFound('issue');
      // A merged issue's old slug still works: the action applies to the survivor.
      const issueId = found.kind === 'found' ? found.issue.id : idFromSlug(found.slug)!;
      const action = await parseEditorForm(deps, issueId, request.body);
      const next = await applyEditorAction(deps, staffOf(request).userId, action);
      const slug = await deps.db.selectFrom('issues').select('slug').where('id', '=', next).executeTakeFirstOrThrow();
      return reply.redirect(`/issues/${encodeURIComponent(slug.slug)}`, 303);
    },
  );
}
