// The side column of article and list pages: the site's latest headlines (from the in-memory
// snapshot, so it costs no query per page).
import { translator } from '../../web/i18n/index.ts';
import { contentLang, type PageContext } from '../../web/page-context.ts';

export interface HeadlineLink {
  href: string;
  headline: string;
  lang: string;
}

const SIDE_HEADLINES = 6;

export function LatestAside(props: { ctx: PageContext; currentHref?: string; latest: readonly HeadlineLink[] }) {
  const items = props.latest.filter((l) => l.href !== props.currentHref).slice(0, SIDE_HEADLINES);
  if (!items.length) return null;
  const tr = translator(props.ctx.locale);
  return (
    <aside class="side-column" aria-labelledby="aside-latest-title">
      <h2 id="aside-latest-title" class="section-title">
        {tr('articles.home.latest')}
      </h2>
      {/* Newest first, not a ranking: an unnumbered list, so no headline reads as "No. 1". */}
      <ul class="headline-list">
        {items.map((l) => (
          <li lang={contentLang(props.ctx.locale, l.lang)}>
            <a href={l.href}>{l.headline}</a>
          </li>
        ))}
      </ul>
      <p class="more-link">
        <a href="/latest">{tr('articles.latest.more')}</a>
      </p>
    </aside>
  );
}
