// A reader's own subscriptions page inside the site's layout: never cached, never indexed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageLocale } from '../web/locale.ts';
import { pathWithoutLang } from '../web/page.ts';
import { renderDocument } from '../web/render.ts';
import { cachedNav, siteOf } from '../web/site-frame.ts';

export function sendSubscriptionsPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'config'>,
  build: (locale: Locale) => { title: string; body: ComponentChildren },
): FastifyReply {
  const locale = pageLocale(request, reply);
  const page = build(locale);
  const path = request.url.split('?')[0] ?? '/';
  const html = renderDocument(
    <Layout
      locale={locale}
      siteName={deps.config.siteName}
      meta={{ title: page.title, canonical: `${deps.config.publicUrl}${path}`, robots: 'noindex, nofollow' }}
      categories={cachedNav(request, locale)}
      stylesheets={siteOf(request).stylesheets}
      path={pathWithoutLang(request)}
    >
      {page.body}
    </Layout>,
  );
  return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
