// HTTP: /issues (active issues by category), /issues/:slug (one issue), and the editors' POST form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { csrfToken, verifyCsrf } from '../auth/csrf.tsx';
import { getStaff, requireStaff, staffOf } from '../accounts/index.ts';
import type { PageContext } from '../web/page-context.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { feedAlternates } from '../web/feed-links.ts';
import { renderErrorPage } from '../web/error-pages.tsx';
import { pageLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { cachePageTags } from '../web/page-cache.ts';
import { renderFollowControl } from '../web/slots.ts';
import { applyEditorAction } from './editor.ts';
import { parseEditorForm } from './editor-form.ts';
import { idFromSlug } from './naming.ts';
import { activeIssues, findIssueBySlug, issueEditorName } from './read-store.ts';
import type { CategoryRef } from '../articles/index.ts';
import { KeptByKey } from '../web/kept-until-change.ts';
import { type IssueDetail, isDormant, issueDetail } from './service.ts';
import { IssuePage } from './views/issue-page.tsx';
import { IssuesListPage } from './views/issues-list.tsx';

const EDITOR_ROLES = ['editor', 'admin'] as const;
const LIST_LIMIT = 100;
/** Issues whose timeline, chart and related issues are kept between renders (the most asked for). */
const KEPT_ISSUES = 500;
/** An issue's kept detail is read again at the latest this often, as the front page's boxes are. */
const ISSUE_KEPT_MS = 30_000;

export async function issueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  async function context(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<PageContext & { categories: CategoryRef[] }> {
    // The site frame's categories (the menu's source), not a query per render.
    const [page, categories] = await Promise.all([
      pageContext(request, reply),
      app.site.frame.categories() as Promise<CategoryRef[]>,
    ]);
    return { ...page, categories };
  }

  // An issue's members, timeline and related issues: read once per change to it (`issue:<id>`),
  // to any issue (`issues`: related ones move) or to its members' headlines (`front`).
  // Keyed by what the detail is read from: the issue and its pinned lead.
  const keptDetail = new KeptByKey<string, IssueDetail>({
    changes: deps.changes,
    db: deps.db,
    tags: (key) => [`issue:${key.split(':')[0]}`, 'issues', 'front'],
    maxKeys: KEPT_ISSUES,
    maxMs: ISSUE_KEPT_MS,
  });

  app.get<{ Querystring: { category?: string } }>('/issues', async (request, reply) => {
    const ctx = await context(request, reply);
    const slug = typeof request.query.category === 'string' ? request.query.category : undefined;
    const category = slug ? ctx.categories.find((c) => c.slug === slug) : undefined;
    const since = ctx.now - deps.config.issueDormantHours * 3_600_000;
    const issues = await activeIssues(deps.db, { since, categoryId: category?.id, limit: LIST_LIMIT });
    cachePageTags(reply, ['issues', 'front']);
    return sendPage(reply, h(IssuesListPage, { ctx, issues, categories: ctx.nav, activeCategory: category?.slug }));
  });

  app.get<{ Params: { slug: string } }>('/issues/:slug', async (request, reply) => {
    const found = await findIssueBySlug(deps.db, request.params.slug);
    if (found.kind === 'redirect') return reply.redirect(`/issues/${encodeURIComponent(found.slug)}`, 301);
    const staff = await getStaff(request, deps);
    const isEditor = !!staff && (EDITOR_ROLES as readonly string[]).includes(staff.role);
    if (found.kind === 'missing' || (!found.issue.visible && !isEditor)) {
      pageLocale(request, reply);
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage(request, 404, 'No such issue.'));
    }
    const { issue } = found;
    const ctx = await context(request, reply);
    const [detail, editorName, follow] = await Promise.all([
      keptDetail.get(`${issue.id}:${issue.leadArticleId}`, () => issueDetail(deps, issue)),
      isEditor ? issueEditorName(deps.db, issue.id) : undefined,
      renderFollowControl(deps, { kind: 'issue', id: issue.id, name: issue.name }, request, ctx),
    ]);
    const alternates = feedAlternates(
      ctx.publicUrl,
      ctx.locale,
      { kind: 'source', prefix: 'issues', slug: issue.slug, name: issue.name },
      ctx.siteName,
    );
    const editor = isEditor
      ? { locale: ctx.locale, csrfToken: await csrfToken(request, reply, deps), editorName: editorName ?? null }
      : null;
    const presses = detail.presses.map((p) => ({
      slug: p.slug,
      name: ctx.locale === 'en' && p.nameEn ? p.nameEn : p.name,
      count: p.count,
    }));
    // Its member articles' headlines change with ingest, which always announces `front`.
    cachePageTags(reply, [`issue:${issue.id}`, 'front']);
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
          follow,
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
