// What every page frame shows whatever the page is (the category menu) and what error pages offer
// (the latest headlines), from a source one capability declares (`siteFrame` in the manifest;
// the articles capability keeps it as a snapshot). Error pages render from it synchronously, so a
// failing database cannot break the page that reports it.
import type { FastifyRequest } from 'fastify';
import type { Locale } from './i18n/index.ts';
import type { BreakingHeadline } from './components/breaking-banner.tsx';
import type { NavCategory } from './layout.tsx';

export interface FrameCategory {
  slug: string;
  nameKo: string;
  nameEn: string;
}

export interface FrameHeadline {
  href: string;
  headline: string;
  lang: string;
}

/** The 속보 banner's article: the newest breaking article of the last hour. */
export type FrameBreaking = BreakingHeadline;

export interface SiteFrame {
  /** Categories for the menu (awaits only the first load). */
  categories(): Promise<readonly FrameCategory[]>;
  /** The same, synchronously, from what was last loaded (error and staff pages). */
  cachedCategories(): readonly FrameCategory[];
  latest(): readonly FrameHeadline[];
  /** The breaking-news banner every page shows, if any (from the same snapshot). */
  breaking?(): FrameBreaking | undefined;
  refresh(): Promise<void>;
}

export const EMPTY_FRAME: SiteFrame = {
  categories: async () => [],
  cachedCategories: () => [],
  latest: () => [],
  refresh: async () => {},
};

/** The site as every page frame names it. */
export interface Site {
  name: string;
  /** Canonical origin, no trailing slash. */
  publicUrl: string;
  frame: SiteFrame;
  /** Versioned URLs of the capabilities' stylesheets (manifest `assets`), linked by every reader page. */
  stylesheets: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Decorated once by src/app.ts; `frame` comes from the capability that declares `siteFrame`. */
    site: Site;
  }
}

const NO_SITE: Site = { name: '소식', publicUrl: '', frame: EMPTY_FRAME, stylesheets: [] };

export function siteOf(request: FastifyRequest): Site {
  return request.server?.site ?? NO_SITE;
}

export function navOf(categories: readonly FrameCategory[], locale: Locale): NavCategory[] {
  return categories.map((c) => ({ slug: c.slug, name: locale === 'ko' ? c.nameKo : c.nameEn }));
}

/** The category menu for pages that cannot wait on a query (staff and error pages). */
export function cachedNav(request: FastifyRequest, locale: Locale): NavCategory[] {
  try {
    return navOf(siteOf(request).frame.cachedCategories(), locale);
  } catch {
    return [];
  }
}
