// Studio forms that change how a press's articles appear to readers: the press's automatic
// summary switch (summary capability) and an article's 속보 flag (articles capability). Each is a
// CSRF-checked form post answered with a redirect back to the page that showed it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertCanSeePress, requireStaff, staffOf } from '../accounts/index.ts';
import { setBreakingFlag } from '../articles/index.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { setPressSummaries } from '../summary/index.ts';
import { parseIdParam } from '../web/params.ts';
import { findArticleWithRevisions, findPress } from './store.ts';

// A checkbox is sent as "on" when ticked and not at all otherwise.
const summaryForm = z.object({ enabled: z.enum(['on']).optional() });
const breakingForm = z.object({ breaking: z.enum(['on', 'off']) });

function parseForm<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

export async function studioSettingsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const pressOrAdmin = requireStaff(deps, ['admin', 'press']);
  const anyStaff = requireStaff(deps);
  const csrf = verifyCsrf(deps);

  app.post<{ Params: { slug: string } }>(
    '/studio/presses/:slug/summaries',
    { preHandler: [pressOrAdmin, csrf] },
    async (request, reply) => {
      const staff = staffOf(request);
      const press = await findPress(deps.db, request.params.slug);
      if (!press) throw Errors.notFound('press');
      assertCanSeePress(staff, press.id);
      const form = parseForm(summaryForm, request.body);
      await setPressSummaries(deps.db, press.id, form.enabled === 'on');
      request.log.info(
        { press: press.slug, enabled: form.enabled === 'on', by: staff.userId },
        'press summary setting changed',
      );
      const back = staff.role === 'press' ? '/studio' : `/studio/presses/${encodeURIComponent(press.slug)}`;
      return reply.redirect(`${back}?saved=summaries`, 303);
    },
  );

  // Editors curate the front page too, so they may flag 속보 on any press's article.
  app.post<{ Params: { id: string } }>(
    '/studio/articles/:id/breaking',
    { preHandler: [anyStaff, csrf] },
    async (request, reply) => {
      const staff = staffOf(request);
      const id = parseIdParam(request.params.id);
      const article = id === undefined ? undefined : await findArticleWithRevisions(deps.db, id);
      if (!article) throw Errors.notFound('article');
      assertCanSeePress(staff, article.pressId);
      const form = parseForm(breakingForm, request.body);
      await setBreakingFlag(deps, article.id, form.breaking === 'on');
      request.log.info({ article: article.id, breaking: form.breaking, by: staff.userId }, 'breaking flag changed');
      return reply.redirect(`/studio/articles/${article.id}`, 303);
    },
  );
}
