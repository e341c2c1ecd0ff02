// The frame of every reader-facing page: <head> metadata, header (site name, date, search,
// category nav, language switch), main content, footer.
import type { ComponentChildren } from 'preact';
import { safeSelfLink } from '../auth/safe-path.ts';
import { assetUrl } from './assets.ts';
import { shortDate } from './format.ts';
import { translator, type Locale } from './i18n/index.ts';
import { jsonForScript } from './render.ts';
import { SearchBox } from './components/search-box.tsx';
import { BREAKING_SCRIPT, BreakingBanner, type BreakingHeadline } from './components/breaking-banner.tsx';

export interface NavCategory {
  slug: string;
  name: string;
}

export interface AlternateLink {
  type: string;
  title: string;
  href: string;
}

export interface PageMeta {
  /** Page title without the site name. */
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical: string;
  ogType?: 'website' | 'article';
  ogImage?: string;
  /** Extra Open Graph properties, e.g. ['article:published_time', iso]. */
  ogExtra?: Array<[string, string]>;
  /** Feeds (<link rel="alternate">): the feeds capability supplies these. */
  alternates?: AlternateLink[];
  /** OpenSearch description (<link rel="search">), supplied by the search capability. */
  search?: { title: string; href: string };
  jsonLd?: unknown;
  /** Robots directive for pages that should not be indexed (error pages). */
  robots?: string;
}

export interface LayoutProps {
  locale: Locale;
  siteName: string;
  meta: PageMeta;
  categories: readonly NavCategory[];
  activeCategory?: string;
  /** Path of this page (for the language switch), e.g. "/articles/3". */
  path: string;
  /** Client scripts (names under src/web/static), loaded as deferred modules. */
  scripts?: readonly string[];
  now?: number;
  /** The search page's query, kept in the header's search box. */
  searchQuery?: string;
  /** A signed-in staff member is reading: the footer leads to the studio instead of the sign-in. */
  staffSignedIn?: boolean;
  /** The 속보 banner's article (from the site frame), if one is current. */
  breaking?: BreakingHeadline;
  children: ComponentChildren;
}

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

function withLang(rawPath: string, lang: Locale): string {
  // The path comes from the request: "//evil.example/x" on a 404 page must not become a link off-site.
  const path = safeSelfLink(rawPath);
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

export function Layout(props: LayoutProps) {
  const { locale, siteName, meta, categories } = props;
  const tr = translator(locale);
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  const fullTitle = meta.title ? `${meta.title} : ${siteName}` : siteName;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{fullTitle}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.robots ? <meta name="robots" content={meta.robots} /> : null}
        <link rel="canonical" href={meta.canonical} />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="stylesheet" href={assetUrl('reader-pages.css')} />
        {/* The comments capability's look (thread, notifications, queue): its own file, so site.css stays the frame. */}
        <link rel="stylesheet" href={assetUrl('comments.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {(meta.alternates ?? []).map((a) => (
          <link rel="alternate" type={a.type} title={a.title} href={a.href} />
        ))}
        {/* Every page advertises the OpenSearch description (served by the search capability). */}
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={meta.search?.title ?? siteName}
          href={meta.search?.href ?? '/opensearch.xml'}
        />
        <meta property="og:site_name" content={siteName} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:title" content={meta.title || siteName} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        <meta property="og:url" content={meta.canonical} />
        <meta property="og:locale" content={locale === 'ko' ? 'ko_KR' : 'en_US'} />
        {meta.ogImage ? <meta property="og:image" content={meta.ogImage} /> : null}
        {(meta.ogExtra ?? []).map(([property, content]) => (
          <meta property={property} content={content} />
        ))}
        {meta.jsonLd ? (
          // Not executable (CSP allows it); jsonForScript escapes "<" so it can never close the tag.
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(meta.jsonLd) }} />
        ) : null}
        <script type="module" src={assetUrl('js/category-nav.js')} />
        {(props.scripts ?? []).map((s) => (
          <script type="module" src={assetUrl(s)} />
        ))}
        {props.breaking ? <script type="module" src={assetUrl(BREAKING_SCRIPT)} /> : null}
      </head>
      <body>
        <a class="skip-link" href="#content">
          {tr('web.skip-to-content')}
        </a>
        <header class="site-header">
          <div class="site-header__bar wrap">
            <a class="site-name" href="/">
              <span class="site-name__mark" aria-hidden="true">
                {siteName.slice(0, 1)}
              </span>
              <span class="site-name__text" lang={locale !== 'ko' && HANGUL.test(siteName) ? 'ko' : undefined}>
                {siteName}
              </span>
            </a>
            <p class="today">
              <span class="visually-hidden">{tr('web.today')} </span>
              {shortDate(locale, props.now ?? Date.now())}
            </p>
            <SearchBox locale={locale} id="site-search" query={props.searchQuery} />
            <a class="lang-switch" href={withLang(props.path, other)} hrefLang={other} lang={other}>
              {tr(`web.switch-to.${other}`)}
            </a>
          </div>
          <nav class="category-nav" aria-label={tr('web.nav.categories')}>
            <ul class="wrap">
              <li>
                <a href="/" aria-current={props.path === '/' ? 'page' : undefined}>
                  {tr('web.nav.home')}
                </a>
              </li>
              {categories.map((c) => (
                <li>
                  <a href={`/categories/${c.slug}`} aria-current={props.activeCategory === c.slug ? 'page' : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {props.breaking ? <BreakingBanner locale={locale} breaking={props.breaking} /> : null}
        <main id="content" tabIndex={-1} class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p class="site-footer__name">{siteName}</p>
            <p>{tr('web.footer.about')}</p>
            <p>{tr('web.footer.copyright', { site: siteName })}</p>
            <p>
              {props.staffSignedIn ? (
                <a class="site-footer__link" href="/studio">
                  {tr('web.footer.studio')}
                </a>
              ) : (
                <a class="site-footer__link" href="/login">
                  {tr('web.footer.staff')}
                </a>
              )}
            </p>
            <p>
              <a class="site-footer__link" href="/terms">
                {tr('web.footer.terms')}
              </a>{' '}
              ·{' '}
              <a class="site-footer__link" href="/privacy">
                {tr('web.footer.privacy')}
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
