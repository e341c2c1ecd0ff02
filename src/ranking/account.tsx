// /account/ranking: the reader's controls over "for you": switch personalisation off (or on),
// see and reset the reading history it learns from. The history is also in /account/export and
// goes with /account/delete (reader-data.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { articleCardsByIds } from '../articles/index.ts';
import { CsrfField, verifyCsrf } from '../auth/csrf.tsx';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { readerOf, requireReader } from '../readers/index.ts';
import { dateTime } from '../web/format.ts';
import { translator } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageContext, sendPage } from '../web/page.ts';
import { frameOf } from '../web/page-context.ts';
import { isPersonalised, readingHistory, resetHistory, setPersonalised } from './settings.ts';

const HISTORY_SHOWN = 30;
const switchForm = z.object({ personalised: z.enum(['on', 'off']) });

export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reader = requireReader(deps);
  const form = { preHandler: [reader, verifyCsrf(deps)] };

  app.get('/account/ranking', { preHandler: reader }, async (request, reply) => {
    const r = readerOf(request);
    const ctx = await pageContext(request, reply);
    const tr = translator(ctx.locale);
    const [on, history] = await Promise.all([
      isPersonalised(deps.db, r.id),
      readingHistory(deps.db, r.id, HISTORY_SHOWN),
    ]);
    const cards = new Map(
      (
        await articleCardsByIds(
          deps.db,
          history.map((h) => h.articleId),
        )
      ).map((c) => [c.id, c]),
    );
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{
          title: tr('ranking.account.title'),
          canonical: `${ctx.publicUrl}/account/ranking`,
          robots: 'noindex, nofollow',
        }}
      >
        <div class="reader-page ranking-account">
          <h1>{tr('ranking.account.title')}</h1>
          <section data-personalised={on ? 'on' : 'off'}>
            <h2>{tr('ranking.account.personalisation')}</h2>
            <p>{tr(on ? 'ranking.account.on' : 'ranking.account.off')}</p>
            <form method="post" action="/account/ranking/personalisation">
              <CsrfField token={r.csrfToken} />
              <input type="hidden" name="personalised" value={on ? 'off' : 'on'} />
              <button type="submit">{tr(on ? 'ranking.account.turnOff' : 'ranking.account.turnOn')}</button>
            </form>
          </section>
          <section>
            <h2>{tr('ranking.account.history')}</h2>
            {history.length ? (
              <ul class="headline-list ranking-history">
                {history.map((h) => {
                  const card = cards.get(h.articleId);
                  return (
                    <li data-read={h.articleId}>
                      {card ? <a href={`/articles/${card.id}`}>{card.headline}</a> : tr('ranking.account.gone')}{' '}
                      <time datetime={new Date(h.readAt).toISOString()}>{dateTime(ctx.locale, h.readAt)}</time>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p class="empty-state">{tr('ranking.account.noHistory')}</p>
            )}
            <form method="post" action="/account/ranking/history/reset">
              <CsrfField token={r.csrfToken} />
              <button type="submit">{tr('ranking.account.reset')}</button>
            </form>
            <p>
              <a href="/account/export">{tr('ranking.account.export')}</a> ·{' '}
              <a href="/about/ranking">{tr('ranking.about.link')}</a>
            </p>
          </section>
        </div>
      </Layout>,
    );
  });

  app.post('/account/ranking/personalisation', form, async (request, reply) => {
    const parsed = switchForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw Errors.validation(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    await setPersonalised(deps.db, readerOf(request).id, parsed.data.personalised === 'on');
    return reply.redirect('/account/ranking', 303);
  });

  app.post('/account/ranking/history/reset', form, async (request, reply) => {
    await resetHistory(deps.db, readerOf(request).id);
    return reply.redirect('/account/ranking', 303);
  });
}
