// Where a page's published feeds live and the <link rel="alternate"> entries that announce them
// (PageMeta.alternates in layout.tsx). Pure URL building, so any page can announce its feeds
// without depending on the capability that serves them (src/feeds/publish).
import { t, type Locale } from './i18n/index.ts';
import type { AlternateLink } from './layout.tsx';

export const FEED_FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export const FEED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

export type AlternatePage =
  | { kind: 'home' }
  | { kind: 'press'; slug: string; name: string }
  | { kind: 'category'; slug: string; name: string }
  /** A page of a capability's FeedSource (src/capability.ts), e.g. an issue: `/${prefix}/${slug}`. */
  | { kind: 'source'; prefix: string; slug: string; name: string };

/** The path prefix a page's feed files hang from ('' for the whole site). */
export function feedBaseOf(page: AlternatePage): string {
  switch (page.kind) {
    case 'home':
      return '';
    case 'press':
      return `/press/${encodeURIComponent(page.slug)}`;
    case 'category':
      return `/categories/${encodeURIComponent(page.slug)}`;
    case 'source':
      return `/${page.prefix}/${encodeURIComponent(page.slug)}`;
  }
}

export function feedAlternates(
  publicUrl: string,
  locale: Locale,
  page: AlternatePage,
  siteName: string,
): AlternateLink[] {
  const feedBase = feedBaseOf(page);
  const name = page.kind === 'home' ? siteName : page.name;
  const lang = locale === 'en' ? '?lang=en' : '';
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    type: FEED_TYPES[format],
    title: t(locale, `feeds.alternate.${format}`, { name }),
    href: `${publicUrl}${feedBase}/${FEED_FILES[format]}${lang}`,
  }));
}
