// /studio/feeds: the feed health panel, and the form that registers a feed.
import { parseIdParam } from '../../web/params.ts';
import { listPressSummaries } from '../../press/index.ts';
import type { FastifyInstance } from 'fastify';
import { verifyCsrf } from '../../auth/csrf.tsx';
import { requireStaff, type Staff } from '../../accounts/index.ts';
import { sendStaffPage } from '../../accounts/index.ts';
import type { AppDeps } from '../../deps.ts';
import { Errors } from '../../errors.ts';
import { t } from '../../web/i18n/index.ts';
import { parseFeedUrl } from '../fetch/safe-fetch.ts';
import { addFeed, getFeed, listFeeds, pollFeedSoon, setFeedEnabled } from '../store.ts';
import { FeedHealthPanel } from './health-view.tsx';

async function visiblePresses(deps: AppDeps, staff: Staff) {
  if (staff.role === 'press')
    return staff.press ? [{ id: staff.press.id, slug: staff.press.slug, name: staff.press.name }] : [];
  return (await listPressSummaries(deps.db)).map(({ id, slug, name }) => ({ id, slug, name }));
}

export async function feedHealthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guard = requireStaff(deps, ['admin', 'press']);

  app.get<{ Querystring: { notice?: string } }>('/studio/feeds', { preHandler: guard }, async (request, reply) => {
    const staff = request.staff!;
    const presses = await visiblePresses(deps, staff);
    const feeds =
      staff.role === 'admin' ? await listFeeds(deps.db) : staff.press ? await listFeeds(deps.db, staff.press.id) : [];
    const notice =
      request.query.notice === 'added' || request.query.notice === 'badUrl' ? request.query.notice : undefined;
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'feeds.health.title'),
      body: (
        <FeedHealthPanel locale={locale} feeds={feeds} presses={presses} csrfToken={staff.csrfToken} notice={notice} />
      ),
    }));
  });

  app.post<{ Body: { press?: string; url?: string } }>(
    '/studio/feeds',
    { preHandler: [guard, verifyCsrf(deps)] },
    async (request, reply) => {
      const staff = request.staff!;
      const press = (await visiblePresses(deps, staff)).find((p) => p.slug === request.body?.press);
      if (!press) throw Errors.forbidden('You may not add feeds to this press.');
      let url: string;
      try {
        url = parseFeedUrl(String(request.body?.url ?? '').trim()).href;
      } catch {
        return reply.redirect('/studio/feeds?notice=badUrl', 303);
      }
      await addFeed(deps.db, { pressId: press.id, url, intervalSeconds: deps.config.feedsIntervalSeconds });
      return reply.redirect('/studio/feeds?notice=added', 303);
    },
  );

  // Polling itself stays in the background poller (a fetch may take 30 s); "poll now" only makes the feed due.
  app.post<{ Params: { id: string }; Body: { action?: string } }>(
    '/studio/feeds/:id',
    { preHandler: [guard, verifyCsrf(deps)] },
    async (request, reply) => {
      const staff = request.staff!;
      const id = parseIdParam(request.params.id);
      const feed = id === undefined ? undefined : await getFeed(deps.db, id);
      if (!feed) throw Errors.notFound('feed');
      if (staff.role !== 'admin' && staff.press?.id !== feed.press_id)
        throw Errors.forbidden('You may not change this feed.');
      const action = request.body?.action;
      if (action === 'poll') await pollFeedSoon(deps.db, feed.id);
      else if (action === 'disable' || action === 'enable') await setFeedEnabled(deps.db, feed.id, action === 'enable');
      else throw Errors.validation([{ path: 'action', message: 'poll, enable or disable' }]);
      return reply.redirect('/studio/feeds', 303);
    },
  );
}
