// /studio/comments: the moderators' queue (held, reported and appealed comments with the evidence
// of every decision), single and bulk actions, filters by article and reason; admins also see the
// log of every moderator action. Editors and admins see every press; press staff their own.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../capability.ts';
import { requireStaff, sendStaffPage, staffOf } from '../accounts/index.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { parseIdParam } from '../web/params.ts';
import {
  MODERATOR_ACTIONS,
  moderate,
  moderationLog,
  moderationQueue,
  QUEUE_REASONS,
  type Moderator,
} from './moderation.ts';
import { QueueView } from './views/queue.tsx';

const decideSchema = z.object({
  ids: z
    .union([z.string().regex(/^\d{1,15}$/), z.array(z.string().regex(/^\d{1,15}$/)).max(200)])
    .transform((v) => (Array.isArray(v) ? v : [v]).map(Number)),
  action: z.enum(MODERATOR_ACTIONS),
  days: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .optional(),
  note: z.string().max(500).optional(),
});

const windowSchema = z.object({
  article: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  closed: z.enum(['0', '1']),
});

export async function studioCommentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const staffOnly = requireStaff(deps);
  const moderatorOf = (request: Parameters<typeof staffOf>[0]): Moderator => {
    const s = staffOf(request);
    return { userId: s.userId, pressId: s.role === 'press' ? (s.press?.id ?? -1) : null };
  };

  app.get<{ Querystring: Record<string, string> }>(
    '/studio/comments',
    { preHandler: staffOnly },
    async (request, reply) => {
      const staff = staffOf(request);
      const articleId = parseIdParam(request.query.article);
      const reason = QUEUE_REASONS.find((r) => r === request.query.reason);
      const items = await moderationQueue(deps, moderatorOf(request), { articleId, reason });
      const log = staff.role === 'admin' ? await moderationLog(deps) : undefined;
      const done = /^\d{1,4}$/.test(request.query.done ?? '') ? Number(request.query.done) : undefined;
      return sendStaffPage(request, reply, deps, (locale) => ({
        title: t(locale, 'comments.studio.title'),
        body: (
          <QueueView
            locale={locale}
            items={items}
            csrfToken={staff.csrfToken}
            filter={{ articleId, reason }}
            log={log}
            done={done}
          />
        ),
      }));
    },
  );

  // A press (its own articles) or an editor closes or reopens an article's comments; logged.
  app.post('/studio/comments/window', { preHandler: [staffOnly, verifyCsrf(deps)] }, async (request, reply) => {
    const parsed = windowSchema.safeParse(request.body ?? {});
    if (!parsed.success)
      throw Errors.validation(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const { article, closed } = parsed.data;
    const moderator = moderatorOf(request);
    const row = await deps.db.selectFrom('articles').select('press_id').where('id', '=', article).executeTakeFirst();
    if (!row || (moderator.pressId !== null && row.press_id !== moderator.pressId)) throw Errors.notFound('article');
    const now = Date.now();
    await deps.db.transaction().execute(async (trx) => {
      const closedAt = closed === '1' ? now : null;
      await trx
        .insertInto('comment_article_settings')
        .values({ article_id: article, closed_at: closedAt, staff_id: moderator.userId })
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ closed_at: closedAt, staff_id: moderator.userId }))
        .execute();
      await trx
        .insertInto('comment_moderation_log')
        .values({
          staff_id: moderator.userId,
          action: closed === '1' ? 'close' : 'open',
          comment_id: null,
          reader_id: null,
          detail: JSON.stringify({ article }),
          created_at: now,
        })
        .execute();
    });
    return reply.redirect(`/studio/comments?article=${article}`, 303);
  });

  app.post('/studio/comments/decide', { preHandler: [staffOnly, verifyCsrf(deps)] }, async (request, reply) => {
    const parsed = decideSchema.safeParse(request.body ?? {});
    if (!parsed.success)
      throw Errors.validation(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const { ids, action, days, note } = parsed.data;
    const n = await moderate(deps, moderatorOf(request), ids, action, { days, note });
    return reply.redirect(`/studio/comments?done=${n}`, 303);
  });
}
