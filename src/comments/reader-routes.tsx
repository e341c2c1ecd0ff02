// Reader actions beyond writing: report (with a reason) and fold requests, hiding a commenter,
// the filter switch, article reactions; the public commenter page. Every
// form works without JavaScript (303 back); fetch() gets JSON.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../capability.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import { AppError, Errors } from '../errors.ts';
import { readerOf, requireReader } from '../readers/index.ts';
import { t } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { requestLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { frameOf } from '../web/page-context.ts';
import { parseIdParam } from '../web/params.ts';
import { commenterProfile } from './commenter.ts';
import { toggleReaction } from './reactions.ts';
import { refusalText } from './refusal-text.ts';
import { hideAuthor, REPORT_REASONS, reportComment, setShowFlagged } from './reports.ts';
import { CommenterView } from './views/reader-pages.tsx';

const reportSchema = z.object({ reason: z.enum(REPORT_REASONS) });
const prefsSchema = z.object({ showFlagged: z.enum(['0', '1']), back: z.string().max(300).optional() });
const reactionSchema = z.object({ reaction: z.string().max(40) });

function wantsJson(request: FastifyRequest): boolean {
  return String(request.headers.accept ?? '').includes('application/json');
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw Errors.validation(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

async function articleOf(deps: AppDeps, commentId: number): Promise<number> {
  const row = await deps.db.selectFrom('comments').select('article_id').where('id', '=', commentId).executeTakeFirst();
  if (!row) throw Errors.notFound('comment');
  return row.article_id;
}

export async function readerCommentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guarded = { preHandler: [requireReader(deps), verifyCsrf(deps)] };
  // Refusals answer JSON with the reader's-language message (the page shows the catalogue text).
  const answer = async (
    request: FastifyRequest,
    reply: import('fastify').FastifyReply,
    run: () => Promise<unknown>,
    back: string,
  ) => {
    try {
      const result = await run();
      if (wantsJson(request)) return reply.send(result ?? { ok: true });
      return reply.redirect(back, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && wantsJson(request)) {
        return reply
          .status(err.status)
          .send({ error: { code: err.code, message: refusalText(err, requestLocale(request)) } });
      }
      throw err;
    }
  };

  for (const kind of ['report', 'fold'] as const) {
    app.post<{ Params: { id: string } }>(`/comments/:id/${kind}`, guarded, async (request, reply) => {
      const id = parseIdParam(request.params.id);
      if (id === undefined) throw Errors.notFound('comment');
      const articleId = await articleOf(deps, id);
      return answer(
        request,
        reply,
        () =>
          reportComment(
            deps,
            readerOf(request),
            id,
            kind,
            kind === 'fold' ? 'fold' : parse(reportSchema, request.body).reason,
          ),
        `/articles/${articleId}/comments#comment-${id}`,
      );
    });
  }

  app.post<{ Params: { id: string } }>('/comments/:id/hide-author', guarded, async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const articleId = await articleOf(deps, id);
    return answer(
      request,
      reply,
      () => hideAuthor(deps, readerOf(request).id, id),
      `/articles/${articleId}/comments#comments`,
    );
  });

  app.post('/comments/preferences', guarded, async (request, reply) => {
    const { showFlagged, back } = parse(prefsSchema, request.body);
    const target = back && /^\/articles\/\d{1,15}\/comments$/.test(back) ? `${back}#comments` : '/account';
    return answer(request, reply, () => setShowFlagged(deps, readerOf(request).id, showFlagged === '1'), target);
  });

  app.post<{ Params: { id: string } }>('/articles/:id/reactions', guarded, async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('article');
    const { reaction } = parse(reactionSchema, request.body);
    return answer(
      request,
      reply,
      () => toggleReaction(deps, readerOf(request), id, reaction),
      `/articles/${id}/comments#reactions`,
    );
  });

  app.get<{ Params: { nickname: string } }>('/readers/:nickname', async (request, reply) => {
    const profile = await commenterProfile(deps.db, request.params.nickname.slice(0, 100));
    if (!profile) throw Errors.notFound('reader');
    const ctx = await pageContext(request, reply);
    return sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{
          title: t(ctx.locale, 'comments.commenter.title', { nickname: profile.nickname }),
          canonical: `${ctx.publicUrl}/readers/${encodeURIComponent(profile.nickname)}`,
          robots: 'noindex',
        }}
      >
        <CommenterView locale={ctx.locale} profile={profile} />
      </Layout>,
    );
  });
}
