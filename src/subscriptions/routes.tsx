// HTTP: subscribing and unsubscribing (forms from the page where each thing appears), keyword
// alerts, hiding a press, /account/subscriptions, /my, and /studio/subscribers.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { requireStaff, sendStaffPage, staffOf } from '../accounts/index.ts';
import { listCategories } from '../articles/index.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import { sameOriginPath } from '../auth/safe-path.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { issueRefs, topIssuesNow } from '../issues/index.ts';
import { listPressSummaries, pressSummariesByIds } from '../press/index.ts';
import { readerOf, requireReader } from '../readers/index.ts';
import { pressReporters, reportersByIds } from '../reporters/index.ts';
import { t } from '../web/i18n/index.ts';
import { pageLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { parseIdParam } from '../web/params.ts';
import { deliveryForm, keywordForm, keywordKey, nextOnly, parseForm, pressForm, subscribeForm } from './input.ts';
import { myNews, parseMyCursor } from './my-news.ts';
import {
  hiddenPressIds,
  hidePress,
  stopMailFor,
  lastVisit,
  listSubscriptions,
  markVisited,
  setDelivery,
  subscribe,
  subscriberCounts,
  unhidePress,
  unsubscribe,
} from './store.ts';
import { describeTargets } from './targets.ts';
import { ManageSubscriptions, MyNewsPage, StudioSubscribersView } from './views.tsx';
import { sendSubscriptionsPage } from './page.tsx';
import { hasFeedToken, issueFeedToken, revokeFeedTokens } from './feed-tokens.ts';
import { privateFeedRoutes } from './private-feed.ts';
import { liveRoutes } from './live.ts';
import { FeedTokenView, UnsubscribeView } from './views.tsx';
import { readerOfDigestToken, subscriptionOfToken } from './unsubscribe-token.ts';
import { setDigest } from './digest.ts';
import { digestForm } from './input.ts';

/** Resolves a target to the id subscriptions store, or undefined when there is no such thing. */
async function existingTarget(
  deps: AppDeps,
  kind: 'press' | 'reporter' | 'issue' | 'category',
  id: number,
): Promise<number | undefined> {
  switch (kind) {
    case 'press':
      return (await pressSummariesByIds(deps.db, [id]))[0]?.id;
    case 'reporter': {
      const r = (await reportersByIds(deps.db, [id]))[0];
      return r ? (r.mergedInto ?? r.id) : undefined;
    }
    case 'issue': {
      const i = (await issueRefs(deps.db, [id]))[0];
      return i ? (i.mergedInto ?? i.id) : undefined;
    }
    case 'category':
      return (await listCategories(deps.db)).find((c) => c.id === id)?.id;
  }
}

const backTo = (next: string | undefined) => sameOriginPath(next) ?? '/account/subscriptions';

export async function subscriptionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reader = requireReader(deps);
  const csrf = verifyCsrf(deps);
  const form = { preHandler: [reader, csrf] };

  app.post('/subscriptions', form, async (request, reply) => {
    const f = parseForm(subscribeForm, request.body);
    const target = await existingTarget(deps, f.kind, f.target);
    if (target === undefined) throw Errors.notFound(f.kind);
    await subscribe(deps.db, readerOf(request).id, {
      kind: f.kind,
      targetId: target,
      query: null,
      targetKey: String(target),
    });
    return reply.redirect(backTo(f.next), 303);
  });

  app.post('/subscriptions/keyword', form, async (request, reply) => {
    const f = parseForm(keywordForm, request.body);
    const key = keywordKey(f.query);
    if (!key) throw Errors.validation([{ path: 'query', message: 'required' }]);
    // A keyword alert is what the reader asked for: each new match by e-mail unless they change it.
    await subscribe(deps.db, readerOf(request).id, {
      kind: 'keyword',
      targetId: null,
      query: f.query,
      targetKey: key,
      delivery: 'immediate',
    });
    return reply.redirect(backTo(f.next), 303);
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/delete', form, async (request, reply) => {
    const f = parseForm(nextOnly, request.body);
    const id = parseIdParam(request.params.id);
    if (id === undefined || !(await unsubscribe(deps.db, readerOf(request).id, id)))
      throw Errors.notFound('subscription');
    return reply.redirect(backTo(f.next), 303);
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/delivery', form, async (request, reply) => {
    const f = parseForm(deliveryForm, request.body);
    const id = parseIdParam(request.params.id);
    if (id === undefined || !(await setDelivery(deps.db, readerOf(request).id, id, f.delivery)))
      throw Errors.notFound('subscription');
    return reply.redirect(backTo(f.next), 303);
  });

  app.post('/subscriptions/hidden-presses', form, async (request, reply) => {
    const f = parseForm(pressForm, request.body);
    if ((await existingTarget(deps, 'press', f.press)) === undefined) throw Errors.notFound('press');
    await hidePress(deps.db, readerOf(request).id, f.press);
    return reply.redirect(backTo(f.next), 303);
  });

  app.post<{ Params: { press: string } }>(
    '/subscriptions/hidden-presses/:press/delete',
    form,
    async (request, reply) => {
      const f = parseForm(nextOnly, request.body);
      const press = parseIdParam(request.params.press);
      if (press === undefined) throw Errors.notFound('press');
      await unhidePress(deps.db, readerOf(request).id, press);
      return reply.redirect(backTo(f.next), 303);
    },
  );

  await privateFeedRoutes(app, deps);
  await liveRoutes(app, deps);

  app.post('/subscriptions/digest', form, async (request, reply) => {
    const f = parseForm(digestForm, request.body);
    const r = readerOf(request);
    await setDigest(deps, r.id, r.timeZone, { digest: f.digest, hour: f.hour, weekday: f.weekday ?? 1 });
    return reply.redirect(backTo(f.next), 303);
  });

  app.get<{ Params: { token: string } }>('/subscriptions/unsubscribe-digest/:token', async (request, reply) => {
    if ((await readerOfDigestToken(deps, request.params.token)) === undefined) throw Errors.notFound('subscription');
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.unsubscribe.title'),
      body: h(UnsubscribeView, {
        locale,
        action: `/subscriptions/unsubscribe-digest/${request.params.token}`,
        done: false,
      }),
    }));
  });

  app.post<{ Params: { token: string } }>('/subscriptions/unsubscribe-digest/:token', async (request, reply) => {
    const readerId = await readerOfDigestToken(deps, request.params.token);
    if (readerId === undefined) throw Errors.notFound('subscription');
    await deps.db
      .updateTable('reader_news')
      .set({ digest: 'off', next_digest_at: null })
      .where('reader_id', '=', readerId)
      .execute();
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.unsubscribe.title'),
      body: h(UnsubscribeView, { locale, action: '', done: true }),
    }));
  });

  // One-click unsubscribe (RFC 8058): the mail client POSTs "List-Unsubscribe=One-Click" to the
  // address without a session or CSRF token; the HMAC in the address is the authority. A GET (a
  // person following the link, or a scanner) only shows the button.
  app.get<{ Params: { token: string } }>('/subscriptions/unsubscribe/:token', async (request, reply) => {
    const id = await subscriptionOfToken(deps, request.params.token);
    if (id === undefined) throw Errors.notFound('subscription');
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.unsubscribe.title'),
      body: h(UnsubscribeView, { locale, action: `/subscriptions/unsubscribe/${request.params.token}`, done: false }),
    }));
  });

  app.post<{ Params: { token: string } }>('/subscriptions/unsubscribe/:token', async (request, reply) => {
    const id = await subscriptionOfToken(deps, request.params.token);
    if (id === undefined) throw Errors.notFound('subscription');
    await stopMailFor(deps.db, id);
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.unsubscribe.title'),
      body: h(UnsubscribeView, { locale, action: '', done: true }),
    }));
  });

  // The new address is shown in this response only (the token is never stored in clear).
  app.post('/subscriptions/feed-token', form, async (request, reply) => {
    const r = readerOf(request);
    const token = await issueFeedToken(deps.db, r.id);
    const base = `${deps.config.publicUrl}/my/feed/${token}`;
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.feed.title'),
      body: h(FeedTokenView, {
        locale,
        urls: { rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` },
      }),
    }));
  });

  app.post('/subscriptions/feed-token/revoke', form, async (request, reply) => {
    await revokeFeedTokens(deps.db, readerOf(request).id);
    return reply.redirect('/account/subscriptions', 303);
  });

  app.get('/account/subscriptions', { preHandler: reader }, async (request, reply) => {
    const r = readerOf(request);
    const [subscriptions, hiddenIds, feed, news] = await Promise.all([
      listSubscriptions(deps.db, r.id),
      hiddenPressIds(deps.db, r.id),
      hasFeedToken(deps.db, r.id),
      deps.db
        .selectFrom('reader_news')
        .select(['digest', 'digest_hour', 'digest_weekday'])
        .where('reader_id', '=', r.id)
        .executeTakeFirst(),
    ]);
    const digest = {
      frequency: news?.digest ?? 'off',
      hour: news?.digest_hour ?? 7,
      weekday: news?.digest_weekday ?? 1,
      timeZone: r.timeZone,
    };
    const locale = pageLocale(request, reply);
    const [hidden, labels] = await Promise.all([
      pressSummariesByIds(deps.db, hiddenIds),
      describeTargets(deps, subscriptions, locale),
    ]);
    return sendSubscriptionsPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.manage.title'),
      body: h(ManageSubscriptions, { locale, csrfToken: r.csrfToken, subscriptions, labels, hidden, feed, digest }),
    }));
  });

  app.get<{ Querystring: { before?: string } }>('/my', { preHandler: reader }, async (request, reply) => {
    const r = readerOf(request);
    const before = parseMyCursor(request.query.before);
    const [ctx, page, since] = await Promise.all([
      pageContext(request, reply),
      myNews(deps, r.id, deps.config.pageSize, before),
      lastVisit(deps.db, r.id),
    ]);
    // "New" is what arrived since the last visit to the first page; opening it marks it seen.
    const newCount = before || since === undefined ? 0 : page.items.filter((i) => i.card.firstCreatedAt > since).length;
    // Seen is what was shown: a press clock a little ahead must not keep an article "new" forever.
    const seenUpTo = Math.max(ctx.now, ...page.items.map((i) => i.card.firstCreatedAt));
    if (!before) await markVisited(deps.db, r.id, seenUpTo);
    const [labels, presses, issues] = await Promise.all([
      describeTargets(deps, page.subscriptions, ctx.locale),
      page.items.length ? Promise.resolve([]) : listPressSummaries(deps.db, 12),
      page.items.length ? Promise.resolve(null) : topIssuesNow(deps, ctx.locale, ctx.now),
    ]);
    return sendPage(
      reply,
      h(MyNewsPage, {
        ctx,
        items: page.items,
        older: page.older,
        newCount,
        hasSubscriptions: page.subscriptions.length > 0,
        suggestions: { presses, issues },
        labels,
        liveSince: before || deps.config.liveStreams === 0 ? undefined : seenUpTo,
      }),
    );
  });

  app.get('/studio/subscribers', { preHandler: requireStaff(deps) }, async (request, reply) => {
    const staff = staffOf(request);
    const presses =
      staff.role === 'press'
        ? await pressSummariesByIds(deps.db, [staff.press!.id])
        : await listPressSummaries(deps.db);
    const pressCounts = await subscriberCounts(
      deps.db,
      'press',
      presses.map((p) => p.id),
    );
    const rows = await Promise.all(
      presses.map(async (press) => {
        const reporters = staff.role === 'press' ? await pressReporters(deps.db, press.id) : [];
        const counts = await subscriberCounts(
          deps.db,
          'reporter',
          reporters.map((x) => x.id),
        );
        return {
          press,
          subscribers: pressCounts.get(press.id) ?? 0,
          reporters: reporters
            .map((x) => ({ id: x.id, name: x.name, subscribers: counts.get(x.id) ?? 0 }))
            .filter((x) => x.subscribers > 0)
            .sort((a, b) => b.subscribers - a.subscribers),
        };
      }),
    );
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'subscriptions.studio.title'),
      body: h(StudioSubscribersView, { locale, rows }),
    }));
  });
}
