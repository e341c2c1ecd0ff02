// Reply notifications: /account/notifications lists replies to the reader's comments and holds
// their reply e-mail choice; the one-click address in every reply e-mail turns it off (RFC 8058:
// the mail client POSTs without a session or CSRF token, the HMAC in the address is the authority;
// a GET, a person or a link scanner, only shows the button).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../capability.ts';
import { csrfToken, verifyCsrf } from '../auth/csrf.tsx';
import { Errors } from '../errors.ts';
import { readerOf, requireReader } from '../readers/index.ts';
import { dateTime } from '../web/format.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageContext, sendPage } from '../web/page.ts';
import { frameOf } from '../web/page-context.ts';
import { replyMailChoice, setReplyMail, stopReplyMail } from './reply-mail.ts';
import { readerOfReplyMailToken } from './reply-mail-token.ts';
import { NotificationsView, StopReplyMailView } from './views/reader-pages.tsx';

const mailForm = z.object({ mail: z.literal('1').optional() });

async function sendCommentsPage(
  request: FastifyRequest,
  reply: FastifyReply,
  title: (locale: Locale) => string,
  canonicalPath: string,
  body: (locale: Locale) => VNode,
) {
  const ctx = await pageContext(request, reply);
  return sendPage(
    reply,
    <Layout
      {...frameOf(ctx)}
      meta={{ title: title(ctx.locale), canonical: `${ctx.publicUrl}${canonicalPath}`, robots: 'noindex' }}
    >
      {body(ctx.locale)}
    </Layout>,
  );
}

export async function notificationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Querystring: { notice?: string } }>(
    '/account/notifications',
    { preHandler: requireReader(deps) },
    async (request, reply) => {
      const reader = readerOf(request);
      const rows = await deps.db
        .selectFrom('comment_notifications as n')
        .innerJoin('comments as c', 'c.id', 'n.comment_id')
        .leftJoin('readers as r', 'r.id', 'c.reader_id')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .select([
          'n.id',
          'n.read_at',
          'n.created_at',
          'c.id as comment_id',
          'c.body',
          'c.status',
          'r.nickname',
          'a.headline',
        ])
        .where('n.reader_id', '=', reader.id)
        .orderBy('n.id', 'desc')
        .limit(100)
        .execute();
      await deps.db
        .updateTable('comment_notifications')
        .set({ read_at: Date.now() })
        .where('reader_id', '=', reader.id)
        .where('read_at', 'is', null)
        .execute();
      const choice = await replyMailChoice(deps, reader.id);
      const token = await csrfToken(request, reply, deps);
      return sendCommentsPage(
        request,
        reply,
        (locale) => t(locale, 'comments.notifications.title'),
        '/account/notifications',
        (locale) => (
          <NotificationsView
            locale={locale}
            mail={{
              ...choice,
              verified: reader.emailVerified,
              minutes: deps.config.commentReplyMailMinutes,
              csrfToken: token,
              saved: request.query.notice === 'mail-saved',
            }}
            items={rows
              .filter((r) => r.status === 'published')
              .map((r) => ({
                id: r.id,
                commentId: r.comment_id,
                nickname: r.nickname,
                body: r.body,
                headline: r.headline,
                unread: r.read_at === null,
                time: dateTime(locale, Number(r.created_at)),
              }))}
          />
        ),
      );
    },
  );

  app.post(
    '/account/notifications/mail',
    { preHandler: [requireReader(deps), verifyCsrf(deps)] },
    async (request, reply) => {
      if (!deps.config.commentReplyMail) throw Errors.notFound('setting');
      const parsed = mailForm.safeParse(request.body ?? {});
      if (!parsed.success)
        throw Errors.validation(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      await setReplyMail(deps, readerOf(request).id, parsed.data.mail === '1');
      return reply.redirect('/account/notifications?notice=mail-saved', 303);
    },
  );

  app.get<{ Params: { token: string } }>('/comments/reply-mail/stop/:token', async (request, reply) => {
    if ((await readerOfReplyMailToken(deps, request.params.token)) === undefined) throw Errors.notFound('reader');
    return sendCommentsPage(
      request,
      reply,
      (locale) => t(locale, 'comments.mail.stop.title'),
      '/account/notifications',
      (locale) => (
        <StopReplyMailView locale={locale} action={`/comments/reply-mail/stop/${request.params.token}`} done={false} />
      ),
    );
  });

  app.post<{ Params: { token: string } }>('/comments/reply-mail/stop/:token', async (request, reply) => {
    const readerId = await readerOfReplyMailToken(deps, request.params.token);
    if (readerId === undefined) throw Errors.notFound('reader');
    await stopReplyMail(deps, readerId);
    return sendCommentsPage(
      request,
      reply,
      (locale) => t(locale, 'comments.mail.stop.title'),
      '/account/notifications',
      (locale) => <StopReplyMailView locale={locale} action="" done />,
    );
  });
}
