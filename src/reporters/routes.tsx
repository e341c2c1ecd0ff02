// HTTP: /reporters/:id (a reporter's articles), /reporters/byline/:article/:position (a byline's
// link on the article page), and /studio/reporters (press staff rename and merge their reporters).
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { assertCanSeePress, requireStaff, sendStaffPage, staffOf } from '../accounts/index.ts';
import { articleCardsByIds } from '../articles/index.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { listPressSummaries, pressSummariesByIds } from '../press/index.ts';
import { t } from '../web/i18n/index.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { parseIdParam } from '../web/params.ts';
import { renderFollowControl } from '../web/slots.ts';
import { linkArticleReporters } from './link.ts';
import {
  findReporter,
  mergeReporters,
  parseReporterCursor,
  pressReporters,
  renameReporter,
  reporterArticleIds,
  reporterOfByline,
} from './store.ts';
import { ReporterPage, StudioReportersView } from './views.tsx';

const renameForm = z.object({ displayName: z.string().trim().max(100).optional() });
const mergeForm = z.object({
  from: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  into: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
});

function parseForm<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  return parsed.data;
}

export async function reporterRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const staffOnly = requireStaff(deps);
  const csrf = verifyCsrf(deps);

  app.get<{ Params: { id: string }; Querystring: { before?: string } }>('/reporters/:id', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    const reporter = id === undefined ? undefined : await findReporter(deps.db, id);
    if (!reporter) throw Errors.notFound('reporter');
    if (reporter.mergedInto !== null) return reply.redirect(`/reporters/${reporter.mergedInto}`, 301);
    const [ctx, [press], page] = await Promise.all([
      pageContext(request, reply),
      pressSummariesByIds(deps.db, [reporter.pressId]),
      reporterArticleIds(deps.db, reporter.id, deps.config.pageSize, parseReporterCursor(request.query.before)),
    ]);
    if (!press) throw Errors.notFound('reporter');
    const [articles, follow] = await Promise.all([
      articleCardsByIds(deps.db, page.ids),
      renderFollowControl(deps, { kind: 'reporter', id: reporter.id, name: reporter.name }, request, ctx),
    ]);
    return sendPage(reply, h(ReporterPage, { ctx, reporter, press, articles, older: page.older, follow }));
  });

  app.get<{ Params: { article: string; position: string } }>(
    '/reporters/byline/:article/:position',
    async (request, reply) => {
      const articleId = parseIdParam(request.params.article);
      const position = /^\d{1,2}$/.test(request.params.position) ? Number(request.params.position) : undefined;
      if (articleId === undefined || position === undefined) throw Errors.notFound('reporter');
      let reporterId = await reporterOfByline(deps.db, articleId, position);
      // The article's link job may not have run yet: file it now (the job does the same, idempotently).
      if (reporterId === undefined) reporterId = (await linkArticleReporters(deps.db, articleId))[position];
      if (reporterId === undefined) throw Errors.notFound('reporter');
      return reply.redirect(`/reporters/${reporterId}`, 302);
    },
  );

  app.get<{ Querystring: { press?: string } }>(
    '/studio/reporters',
    { preHandler: staffOnly },
    async (request, reply) => {
      const staff = staffOf(request);
      const presses = staff.role === 'press' ? [] : await listPressSummaries(deps.db);
      const press =
        staff.role === 'press'
          ? (await pressSummariesByIds(deps.db, [staff.press!.id]))[0]
          : presses.find((p) => p.slug === request.query.press);
      const reporters = press ? await pressReporters(deps.db, press.id) : [];
      return sendStaffPage(request, reply, deps, (locale) => ({
        title: t(locale, 'reporters.studio.title'),
        body: h(StudioReportersView, { locale, csrfToken: staff.csrfToken, press, presses, reporters }),
      }));
    },
  );

  async function backToList(reporterPressId: number): Promise<string> {
    const [press] = await pressSummariesByIds(deps.db, [reporterPressId]);
    return press ? `/studio/reporters?press=${encodeURIComponent(press.slug)}` : '/studio/reporters';
  }

  app.post<{ Params: { id: string } }>(
    '/studio/reporters/:id/name',
    { preHandler: [staffOnly, csrf] },
    async (request, reply) => {
      const id = parseIdParam(request.params.id);
      const reporter = id === undefined ? undefined : await findReporter(deps.db, id);
      if (!reporter) throw Errors.notFound('reporter');
      assertCanSeePress(staffOf(request), reporter.pressId);
      const form = parseForm(renameForm, request.body);
      await renameReporter(deps.db, reporter.id, form.displayName ? form.displayName : null);
      return reply.redirect(await backToList(reporter.pressId), 303);
    },
  );

  app.post('/studio/reporters/merge', { preHandler: [staffOnly, csrf] }, async (request, reply) => {
    const form = parseForm(mergeForm, request.body);
    const from = await findReporter(deps.db, form.from);
    if (!from) throw Errors.notFound('reporter');
    assertCanSeePress(staffOf(request), from.pressId);
    await mergeReporters(deps.db, form.from, form.into);
    request.log.info({ from: form.from, into: form.into, by: staffOf(request).userId }, 'reporters merged');
    return reply.redirect(await backToList(from.pressId), 303);
  });
}
