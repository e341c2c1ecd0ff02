// Localised 404 / 410 / 500 (and other status) pages that help the reader on: search, the latest
// headlines, the categories and the way home. They render synchronously from the site frame
// (site-frame.ts), so a failing database cannot break the page that reports it.
import type { FastifyRequest } from 'fastify';
import { SearchBox } from './components/search-box.tsx';
import { translator, type Locale } from './i18n/index.ts';
import { Layout } from './layout.tsx';
import { requestLocale } from './locale.ts';
import { renderDocument } from './render.ts';
import { type FrameBreaking, type FrameCategory, type FrameHeadline, siteOf } from './site-frame.ts';

export interface ErrorPageContext {
  siteName: string;
  publicUrl: string;
  categories: readonly FrameCategory[];
  latest: readonly FrameHeadline[];
  breaking?: FrameBreaking;
  stylesheets: readonly string[];
}

function statusKey(status: number): string {
  if (status === 404 || status === 410 || status === 403 || status === 429) return String(status);
  return status >= 500 ? '500' : '4xx';
}

export interface ErrorPageOptions {
  /** Overrides the snapshot's latest headlines (pages that just queried them pass fresher ones). */
  latest?: ErrorPageContext['latest'];
  /** Extra sentence under the title, e.g. when the withdrawn article was. */
  detail?: string;
  /** The message is already in the page's language (from the errors.* catalogue), not English. */
  messageLocalized?: boolean;
}

export function ErrorPage(props: {
  locale: Locale;
  status: number;
  message: string;
  path: string;
  context: ErrorPageContext;
  options?: ErrorPageOptions;
}) {
  const { locale, status, context } = props;
  const tr = translator(locale);
  const key = statusKey(status);
  const latest = props.options?.latest ?? context.latest;
  const categories = context.categories.map((c) => ({ slug: c.slug, name: locale === 'ko' ? c.nameKo : c.nameEn }));
  return (
    <Layout
      locale={locale}
      siteName={context.siteName}
      path={props.path}
      categories={categories}
      breaking={context.breaking}
      stylesheets={context.stylesheets}
      meta={{ title: tr(`web.error.${key}.title`), canonical: context.publicUrl + props.path, robots: 'noindex' }}
    >
      <section class="error-page" aria-labelledby="error-title">
        <p class="error-page__status">{status}</p>
        <h1 id="error-title">{tr(`web.error.${key}.title`)}</h1>
        <p class="error-page__lead">{tr(`web.error.${key}.lead`)}</p>
        {props.options?.detail ? <p class="error-page__detail">{props.options.detail}</p> : null}
        {key === '4xx' || key === '403' || key === '429' ? (
          // Catalogue codes come translated; any other message is English (stable, greppable), and a
          // Korean page says so and marks the language so a screen reader switches voice.
          <p class="error-page__detail">
            {locale === 'en' || props.options?.messageLocalized ? null : (
              <span class="error-page__detail-label">{tr('web.error.detail-in-english')} </span>
            )}
            <span lang={locale === 'en' || props.options?.messageLocalized ? undefined : 'en'}>{props.message}</span>
          </p>
        ) : null}
        <SearchBox locale={locale} id="error-search" class="search-box--large" label={tr('web.error.search')} />
        <p>
          <a class="button" href="/">
            {tr('web.error.home')}
          </a>
        </p>
        {latest.length ? (
          <section class="error-page__latest" aria-labelledby="error-latest">
            <h2 id="error-latest">{tr('web.error.latest')}</h2>
            <ul class="headline-list">
              {latest.map((a) => (
                <li lang={a.lang === locale ? undefined : a.lang}>
                  <a href={a.href}>{a.headline}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {categories.length ? (
          <section aria-labelledby="error-categories">
            <h2 id="error-categories">{tr('web.error.categories')}</h2>
            <ul class="chip-list">
              {categories.map((c) => (
                <li>
                  <a class="chip" href={`/categories/${c.slug}`}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>
    </Layout>
  );
}

function pathOf(request: FastifyRequest): string {
  const url = request.url.split('?')[0] ?? '/';
  return url.startsWith('/') ? url : '/';
}

export function renderErrorPage(
  request: FastifyRequest,
  status: number,
  message: string,
  options?: ErrorPageOptions,
): string {
  const site = siteOf(request);
  const base = { siteName: site.name, publicUrl: site.publicUrl, stylesheets: site.stylesheets };
  let context: ErrorPageContext;
  try {
    context = {
      ...base,
      categories: site.frame.cachedCategories(),
      latest: site.frame.latest(),
      breaking: site.frame.breaking?.(),
    };
  } catch {
    context = { ...base, categories: [], latest: [] };
  }
  return renderDocument(
    <ErrorPage
      locale={requestLocale(request)}
      status={status}
      message={message}
      path={pathOf(request)}
      context={context}
      options={options}
    />,
  );
}
