// /studio/outbox (admins only): the messages Sosik sent or is sending, each with its state; with
// no SMTP server configured, the .eml files of the outbox folder are read here.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyCsrf } from '../auth/csrf.tsx';
import { requireStaff, sendStaffPage, staffOf } from '../accounts/index.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { composeMail } from './compose.ts';
import { readOutboxFile } from './outbox-transport.ts';
import { resendMail } from './resend.ts';
import { findMail, listMail, type MailMessageRow } from './store.ts';
import { OutboxListView, OutboxMessageView } from './outbox-views.tsx';

const idParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
});
const listQuery = z.object({
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1))
    .optional(),
});

// Route-level onSend runs after the site-wide one (src/web/security-headers.ts) and replaces its CSP.
const MAIL_PREVIEW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";

// The source shown inline; larger ones are still downloadable.
const INLINE_SOURCE_BYTES = 200_000;

export async function outboxRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const adminOnly = requireStaff(deps, ['admin']);
  const outboxDir = path.resolve(deps.config.outboxDir);
  const transport = deps.config.smtpUrl ? 'smtp' : 'outbox';

  async function mailOf(request: FastifyRequest): Promise<MailMessageRow> {
    const params = idParams.safeParse(request.params);
    const mail = params.success ? await findMail(deps.db, params.data.id) : undefined;
    if (!mail) throw Errors.notFound('message');
    return mail;
  }

  /** The bytes as delivered (the outbox file), else as they would be sent (composed from the row). */
  async function sourceOf(mail: MailMessageRow): Promise<Buffer | undefined> {
    const file = await readOutboxFile(outboxDir, mail.key);
    if (file) return file;
    if (mail.text_body === null || mail.html_body === null) return undefined;
    return (await composeMail(deps.config, mail)).raw;
  }

  app.get('/studio/outbox', { preHandler: adminOnly }, async (request, reply) => {
    const query = listQuery.safeParse(request.query);
    if (!query.success) throw Errors.validation([{ path: 'page', message: 'a page number from 1' }]);
    const page = query.data.page ?? 1;
    const { rows, hasMore } = await listMail(deps.db, page, deps.config.pageSize);
    const uncertain = await deps.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'uncertain')
      .executeTakeFirstOrThrow();
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'mail.outbox.title'),
      body: (
        <OutboxListView
          locale={locale}
          rows={rows}
          page={page}
          hasMore={hasMore}
          uncertain={Number(uncertain.n)}
          transport={transport}
          dir={deps.config.outboxDir}
        />
      ),
    }));
  });

  app.get('/studio/outbox/:id', { preHandler: adminOnly }, async (request, reply) => {
    const mail = await mailOf(request);
    const source = await sourceOf(mail);
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: `${t(locale, 'mail.outbox.title')} · ${mail.subject}`,
      body: (
        <OutboxMessageView
          locale={locale}
          mail={mail}
          hasSource={source !== undefined}
          source={source && source.length <= INLINE_SOURCE_BYTES ? source.toString('utf8') : undefined}
          csrfToken={staffOf(request).csrfToken}
        />
      ),
    }));
  });

  app.get('/studio/outbox/:id/eml', { preHandler: adminOnly }, async (request, reply) => {
    const mail = await mailOf(request);
    const source = await sourceOf(mail);
    if (!source) throw Errors.notFound('message source');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="sosik-mail-${mail.id}.eml"`)
      .type('message/rfc822')
      .send(source);
  });

  // The HTML part as a mail client shows it (inline styles), in a sandbox: an opaque origin with
  // no script, so even a template bug could not reach the admin's session.
  const previewCsp = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.header('content-security-policy', MAIL_PREVIEW_CSP);
    return payload;
  };
  app.get('/studio/outbox/:id/html', { preHandler: adminOnly, onSend: previewCsp }, async (request, reply) => {
    const mail = await mailOf(request);
    if (mail.html_body === null) throw Errors.notFound('HTML part');
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(mail.html_body);
  });

  app.post('/studio/outbox/:id/resend', { preHandler: [adminOnly, verifyCsrf(deps)] }, async (request, reply) => {
    const mail = await mailOf(request);
    if (!(await resendMail(deps.db, mail.id, staffOf(request).email))) {
      throw Errors.mailNotResendable();
    }
    deps.nudgeJobs();
    return reply.redirect(`/studio/outbox/${mail.id}`, 303);
  });
}
