// Building and sending a reader page: the context every page view takes (language, site, menu,
// the path the language switch links) and the one way a rendered page is answered.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import type { VNode } from 'preact';
import { pageLocale } from './locale.ts';
import type { PageContext } from './page-context.ts';
import { renderDocument } from './render.ts';
import { navOf, siteOf } from './site-frame.ts';

/** Path + query of this request without `?lang`, for the language switch and self-links. */
export function pathWithoutLang(request: FastifyRequest): string {
  const [path = '/', search] = request.url.split('?');
  const params = new URLSearchParams(search ?? '');
  params.delete('lang');
  return params.size ? `${path}?${params}` : path;
}

/** The context of a reader page; also settles (and remembers) the page's language. */
export async function pageContext(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
  const locale = pageLocale(request, reply);
  const site = siteOf(request);
  return {
    locale,
    siteName: site.name,
    publicUrl: site.publicUrl,
    path: pathWithoutLang(request),
    nav: navOf(await site.frame.categories(), locale),
    now: Date.now(),
    breaking: site.frame.breaking?.(),
    stylesheets: site.stylesheets,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any page component's props
export function sendPage(reply: FastifyReply, page: VNode<any>, status = 200): FastifyReply {
  // Pages vary by language (Vary: Accept-Language, Cookie): a CDN in front may keep an anonymous
  // page but must revalidate it (ETag/Last-Modified from the page cache answer that with a 304);
  // a signed-in reader's or staff member's page is theirs alone.
  const signedIn = reply.request.headers.cookie?.includes(`${SESSION_COOKIE}=`);
  const cacheControl = signedIn ? 'private, no-cache' : 'public, no-cache';
  return reply
    .status(status)
    .header('cache-control', cacheControl)
    .type('text/html; charset=utf-8')
    .send(renderDocument(page));
}
