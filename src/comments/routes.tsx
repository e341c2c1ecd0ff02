// The comment routes: the thread page (personalised, works without JavaScript), posting, votes,
// deleting and appealing one's own, the permalink, the live stream and /about/moderation.
// Forms answer 303 back to the thread; fetch() from static/comments.js (Accept: application/json)
// gets JSON with the reader's-language message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { z } from 'zod';
import type { AppDeps } from '../capability.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import { AppError, Errors } from '../errors.ts';
import { getReader, readerOf, requireReader } from '../readers/index.ts';
import { t } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { requestLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { frameOf } from '../web/page-context.ts';
import { parseIdParam } from '../web/params.ts';
import { EventStreams } from '../web/event-stream.ts';
import { commentArticle } from './article-ref.ts';
import { appealComment, deleteOwnComment } from './author-actions.ts';
import { LiveHub } from './live.ts';
import { postComment } from './post.ts';
import { refusalText } from './refusal-text.ts';
import { readComment } from './thread-store.ts';
import { threadFor, writerFor } from './thread-page.tsx';
import { AboutModeration } from './views/about.tsx';
import { CommentItem, CommentThread } from './views/thread.tsx';
import { voteComment } from './votes.ts';
import { commentsScriptUrl } from './assets.ts';

const postSchema = z.object({
  body: z.string().max(8000),
  parentId: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
const voteSchema = z.object({ vote: z.enum(['like', 'dislike']) });
const appealSchema = z.object({ text: z.string().max(2000).default('') });

function wantsJson(request: FastifyRequest): boolean {
  return String(request.headers.accept ?? '').includes('application/json');
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw Errors.validation(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

function refusal(request: FastifyRequest, reply: FastifyReply, err: AppError, back: string) {
  const locale = requestLocale(request);
  const message = refusalText(err, locale);
  reply.status(err.status);
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  if (wantsJson(request))
    return reply.send({ error: { code: err.code, message, ...(err.details ? { details: err.details } : {}) } });
  return pageContext(request, reply).then((ctx) =>
    sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{ title: t(locale, 'comments.refused.title'), canonical: `${ctx.publicUrl}${back}`, robots: 'noindex' }}
      >
        <div class="comments-refused">
          <h1>{t(locale, 'comments.refused.title')}</h1>
          <p role="alert">{message}</p>
          <p>
            <a href={back}>{t(locale, 'comments.refused.back')}</a>
          </p>
        </div>
      </Layout>,
      err.status,
    ),
  );
}

export async function commentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guarded = { preHandler: [requireReader(deps), verifyCsrf(deps)] };

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/articles/:id/comments',
    async (request, reply) => {
      const id = parseIdParam(request.params.id);
      const article = id === undefined ? undefined : await commentArticle(deps.db, id);
      if (!article) throw Errors.notFound('article');
      const ctx = await pageContext(request, reply);
      const props = await threadFor(deps, request, reply, article, ctx.locale, request.query);
      const notice = request.query.notice === 'appealed' ? t(ctx.locale, 'comments.appeal.done') : undefined;
      if (request.query.fragment === '1') {
        return reply
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(renderFragment(<CommentThread {...props} notice={notice} />));
      }
      return sendPage(
        reply,
        <Layout
          {...frameOf(ctx)}
          meta={{
            title: `${t(ctx.locale, 'comments.title')}: ${article.headline}`,
            canonical: `${ctx.publicUrl}/articles/${article.id}/comments`,
            robots: 'noindex',
          }}
          scripts={[commentsScriptUrl()]}
        >
          <div class="comments-page">
            <p class="comments-page__article">
              <a href={`/articles/${article.id}`}>{article.headline}</a>
            </p>
            <CommentThread {...props} notice={notice} />
          </div>
        </Layout>,
      );
    },
  );

  app.post<{ Params: { id: string } }>('/articles/:id/comments', guarded, async (request, reply) => {
    const articleId = parseIdParam(request.params.id);
    if (articleId === undefined) throw Errors.notFound('article');
    const back = `/articles/${articleId}/comments`;
    try {
      const input = parse(postSchema, request.body);
      const result = await postComment(deps, readerOf(request), {
        articleId,
        parentId: input.parentId ?? null,
        body: input.body,
      });
      if (wantsJson(request)) {
        const locale = requestLocale(request);
        const comment = await readComment(deps.db, result.id, { id: readerOf(request).id });
        const html = comment
          ? renderFragment(
              <CommentItem
                locale={locale}
                articleId={articleId}
                c={comment}
                writer={{
                  kind: 'reader',
                  id: readerOf(request).id,
                  csrfToken: readerOf(request).csrfToken,
                  showFlagged: true,
                }}
                foldAt={deps.config.commentFoldAt}
                reply={comment.parentId !== null}
              />,
            )
          : '';
        return reply.status(201).send({
          id: result.id,
          status: result.status,
          phase: result.deciding?.phase ?? null,
          reason: result.deciding?.reason ?? null,
          html,
        });
      }
      return reply.redirect(`${back}?sort=newest#comment-${result.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return refusal(request, reply, err, back);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/comments/:id/vote', guarded, async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const comment = await readComment(deps.db, id, null);
    const back = comment ? `/articles/${comment.articleId}/comments#comment-${id}` : '/';
    try {
      const { vote } = parse(voteSchema, request.body);
      const result = await voteComment(deps, readerOf(request), id, vote);
      if (wantsJson(request)) return reply.send(result);
      return reply.redirect(back, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return refusal(request, reply, err, back);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/comments/:id/delete', guarded, async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const { articleId } = await deleteOwnComment(deps, readerOf(request), id);
    if (wantsJson(request)) return reply.send({ deleted: true });
    return reply.redirect(`/articles/${articleId}/comments#comments`, 303);
  });

  app.post<{ Params: { id: string } }>('/comments/:id/appeal', guarded, async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const { text } = parse(appealSchema, request.body);
    await appealComment(deps, readerOf(request), id, text);
    const row = await deps.db
      .selectFrom('comments')
      .select('article_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (wantsJson(request)) return reply.send({ appealed: true });
    return reply.redirect(`/articles/${row.article_id}/comments?notice=appealed#comment-${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/comments/:id', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const ctx = await pageContext(request, reply);
    const article = await deps.db.selectFrom('comments').select('article_id').where('id', '=', id).executeTakeFirst();
    const ref = article ? await commentArticle(deps.db, article.article_id) : undefined;
    if (!ref) throw Errors.notFound('comment');
    const props = await threadFor(deps, request, reply, ref, ctx.locale, {});
    const viewer = props.writer.kind === 'reader' ? { id: props.writer.id } : null;
    const comment = await readComment(deps.db, id, viewer);
    if (!comment) throw Errors.notFound('comment');
    const nickname = comment.nickname ?? t(ctx.locale, 'comments.anonymous');
    return sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{
          title: t(ctx.locale, 'comments.permalink.title', { nickname }),
          canonical: `${ctx.publicUrl}/comments/${id}`,
        }}
        scripts={[commentsScriptUrl()]}
      >
        <div class="comments-page">
          <p class="comments-page__article">
            <a
              href={`/articles/${ref.id}/comments#comment-${id}`}
            >{`${t(ctx.locale, 'comments.permalink.back')}: ${ref.headline}`}</a>
          </p>
          <ol class="comment-list">
            <CommentItem
              locale={ctx.locale}
              articleId={ref.id}
              c={comment}
              writer={props.writer}
              foldAt={deps.config.commentFoldAt}
              evidence={props.evidence}
            />
          </ol>
        </div>
      </Layout>,
    );
  });

  // One comment as the viewer would see it in the thread, for the live island to insert.
  app.get<{ Params: { id: string } }>('/comments/:id/fragment', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined) throw Errors.notFound('comment');
    const reader = await getReader(request, deps);
    const comment = await readComment(deps.db, id, reader ? { id: reader.id } : null);
    if (!comment || (comment.status !== 'published' && comment.readerId !== reader?.id))
      throw Errors.notFound('comment');
    // A commenter this reader hid stays hidden when their comment arrives live.
    const hidden =
      reader && comment.readerId !== null
        ? await deps.db
            .selectFrom('comment_hidden_authors')
            .select('author_id')
            .where('reader_id', '=', reader.id)
            .where('author_id', '=', comment.readerId)
            .executeTakeFirst()
        : undefined;
    if (hidden) throw Errors.notFound('comment');
    const locale = requestLocale(request);
    const writer = await writerFor(deps, request, reply, comment.articleId, locale, reader);
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderFragment(
          <CommentItem
            locale={locale}
            articleId={comment.articleId}
            c={comment}
            writer={writer}
            foldAt={deps.config.commentFoldAt}
            reply={comment.parentId !== null}
          />,
        ),
      );
  });

  // Live viewers of this app, fed by the change bus (so by every process sharing the database),
  // on the kernel's bounded event streams (caps per process and address, heartbeat, shutdown).
  const hub = new LiveHub();
  const detach = deps.changes ? hub.attach(deps.changes) : undefined;
  app.addHook('onClose', async () => detach?.());
  const streams = new EventStreams({
    perProcess: deps.config.liveStreams,
    perAddress: deps.config.liveStreamsPerAddress,
    heartbeatMs: deps.config.liveHeartbeatSeconds * 1000,
  }).closeWith(app);

  app.get<{ Params: { id: string } }>('/articles/:id/comments/live', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    if (id === undefined || deps.config.liveStreams === 0) throw Errors.notFound('article');
    const stream = streams.start(request, reply);
    stream.onClose(
      hub.subscribe(id, (event) => {
        if (event.kind === 'posted') stream.send('comment', { id: event.commentId });
        else if (event.kind === 'missed') stream.send('missed', {});
      }),
    );
    return reply;
  });

  app.get('/about/moderation', async (request, reply) => {
    const ctx = await pageContext(request, reply);
    return sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{ title: t(ctx.locale, 'comments.about.title'), canonical: `${ctx.publicUrl}/about/moderation` }}
      >
        <AboutModeration locale={ctx.locale} config={deps.config} />
      </Layout>,
    );
  });
}

function renderFragment(node: VNode): string {
  return renderToString(node);
}
