// Reader account pages inside the site's layout: never cached, never indexed (the legal pages
// are the exception and say so), and a form that failed is shown again with its errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageLocale } from '../web/locale.ts';
import { pathWithoutLang } from '../web/page.ts';
import { renderDocument } from '../web/render.ts';
import { cachedNav, siteOf } from '../web/site-frame.ts';

export interface ReaderPage {
  title: string;
  status?: number;
  body: ComponentChildren;
  /** Legal pages may be indexed; account pages never are. */
  indexable?: boolean;
}

export function sendReaderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'config'>,
  build: (locale: Locale) => ReaderPage,
): FastifyReply {
  const locale = pageLocale(request, reply);
  const page = build(locale);
  const path = request.url.split('?')[0] ?? '/';
  const html = renderDocument(
    <Layout
      locale={locale}
      siteName={deps.config.siteName}
      meta={{
        title: page.title,
        canonical: `${deps.config.publicUrl}${path}`,
        robots: page.indexable ? undefined : 'noindex, nofollow',
      }}
      categories={cachedNav(request, locale)}
      stylesheets={siteOf(request).stylesheets}
      path={pathWithoutLang(request)}
      staffSignedIn={request.principal?.kind === 'staff'}
    >
      {page.body}
    </Layout>,
  );
  return reply
    .status(page.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** What a failed form shows: field issues (422) or one message (429 and the like). */
export interface FormProblem {
  status: number;
  issues: FieldIssue[];
  message?: string;
}

/**
 * Turns the errors a form can expect into something to show on the form again; anything else
 * is rethrown for the site's error page. A 429 also sets Retry-After.
 */
export function formProblem(err: unknown, reply: FastifyReply, locale: Locale): FormProblem {
  if (!(err instanceof AppError)) throw err;
  if (err.code === 'VALIDATION_FAILED') return { status: 422, issues: err.details ?? [] };
  if (err.code === 'RATE_LIMITED') {
    const seconds = err.retryAfterSeconds ?? 60;
    reply.header('retry-after', String(seconds));
    return {
      status: 429,
      issues: [],
      message: t(locale, 'readers.rate-limited', { minutes: Math.ceil(seconds / 60) }),
    };
  }
  throw err;
}

export function issueFor(problem: FormProblem | undefined, path: string): string | undefined {
  return problem?.issues.find((i) => i.path === path)?.message;
}
