// The <link rel="alternate"> entries a page shows for its feeds (PageMeta.alternates in
// src/web/layout.tsx). Pages call feedAlternates with what they show.
import type { Locale } from '../../web/i18n/index.ts';
import { t } from '../../web/i18n/index.ts';
import type { AlternateLink } from '../../web/layout.tsx';
import { FEED_FILES, type FeedScope, scopePaths } from './feed-query.ts';

export type AlternatePage =
  | { kind: 'home' }
  | { kind: 'press'; slug: string; name: string }
  | { kind: 'category'; slug: string; name: string }
  /** A page of a capability's FeedSource (src/capability.ts), e.g. an issue: `/${prefix}/${slug}`. */
  | { kind: 'source'; prefix: string; slug: string; name: string };

export const FEED_TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;

export function feedAlternates(publicUrl: string, locale: Locale, page: AlternatePage, siteName: string): AlternateLink[] {
  const scope: FeedScope =
    page.kind === 'home'
      ? { kind: 'all' }
      : page.kind === 'source'
        ? { kind: 'source', prefix: page.prefix, noun: '', slug: page.slug, title: page.name, articleIds: [] }
        : { kind: page.kind, slug: page.slug };
  const { feedBase } = scopePaths(scope);
  const name = page.kind === 'home' ? siteName : page.name;
  const lang = locale === 'en' ? '?lang=en' : '';
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    type: FEED_TYPES[format],
    title: t(locale, `feeds.alternate.${format}`, { name }),
    href: `${publicUrl}${feedBase}/${FEED_FILES[format]}${lang}`,
  }));
}
