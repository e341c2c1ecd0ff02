// The 속보 (breaking news) banner under the header of every page: the newest breaking article of
// the last hour, from the site frame. Without JavaScript it simply stays; with it
// (static/js/breaking-banner.js) a close button appears and the dismissed article stays dismissed.
import { dateTime, isoTime } from '../format.ts';
import { translator, type Locale } from '../i18n/index.ts';

export const BREAKING_SCRIPT = 'js/breaking-banner.js';

/** What the banner shows (the site frame's `breaking()`). */
export interface BreakingHeadline {
  id: number;
  href: string;
  headline: string;
  lang: string;
  /** When it became breaking (epoch ms); the banner stops showing it an hour later. */
  at: number;
}

export function BreakingBanner({ locale, breaking }: { locale: Locale; breaking: BreakingHeadline }) {
  const tr = translator(locale);
  const lang = breaking.lang && breaking.lang.split('-')[0] !== locale ? breaking.lang : undefined;
  return (
    <aside class="breaking" aria-labelledby="breaking-label" data-breaking-id={String(breaking.id)}>
      <div class="wrap breaking__inner">
        <strong id="breaking-label" class="breaking__label">
          {tr('web.breaking.label')}
        </strong>
        <a class="breaking__link" href={breaking.href} lang={lang}>
          {breaking.headline}
        </a>
        <time class="breaking__time" dateTime={isoTime(breaking.at)}>
          {dateTime(locale, breaking.at)}
        </time>
        <button
          type="button"
          class="breaking__close"
          data-breaking-dismiss
          hidden
          aria-label={tr('web.breaking.dismiss')}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </aside>
  );
}
