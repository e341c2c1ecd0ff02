// What every reader page view receives besides its own data, and the small helpers every
// capability's views use to name presses and categories in the reader's language.
import type { Locale } from './i18n/index.ts';
import type { NavCategory } from './layout.tsx';
import type { FrameBreaking } from './site-frame.ts';

export interface PageContext {
  locale: Locale;
  siteName: string;
  /** Canonical origin, no trailing slash. */
  publicUrl: string;
  /** Path + query of this page as the language switch should link it. */
  path: string;
  nav: NavCategory[];
  now: number;
  /** The 속보 banner's article, if one is current. */
  breaking?: FrameBreaking;
  /** The capabilities' stylesheets (versioned URLs). */
  stylesheets: readonly string[];
}

export function pressName(locale: Locale, press: { name: string; nameEn?: string | null }): string {
  return locale === 'en' && press.nameEn ? press.nameEn : press.name;
}

export function categoryName(locale: Locale, category: { nameKo: string; nameEn: string }): string {
  return locale === 'ko' ? category.nameKo : category.nameEn;
}

/** Photo URLs may be site-relative (demo photos); Open Graph and JSON-LD need absolute ones. */
export function absoluteUrl(publicUrl: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : publicUrl + (url.startsWith('/') ? url : `/${url}`);
}

/**
 * The `lang` to put back on UI text (times, buttons, labels) nested inside content marked with
 * contentLang, so a screen reader reads "입력" in a Korean voice inside an English article.
 */
export function uiLang(locale: Locale, contentLanguage: string): Locale | undefined {
  return contentLang(locale, contentLanguage) ? locale : undefined;
}

/** The `lang` attribute for content written in another language than the page's UI. */
export function contentLang(locale: Locale, lang: string): string | undefined {
  return lang && lang.toLowerCase().split('-')[0] !== locale ? lang : undefined;
}

/** The Layout props every reader page takes from its context: `<Layout {...frameOf(ctx)} meta={…}>`. */
export function frameOf(ctx: PageContext) {
  return {
    locale: ctx.locale,
    siteName: ctx.siteName,
    path: ctx.path,
    categories: ctx.nav,
    now: ctx.now,
    breaking: ctx.breaking,
    stylesheets: ctx.stylesheets,
  };
}
