// The article's keywords as tags, each a search for that keyword (what a portal reader taps next).
import type { Translate } from '../../web/i18n/index.ts';

export function keywordSearchHref(keyword: string): string {
  return `/search?${new URLSearchParams({ q: keyword })}`;
}

export function KeywordTags(props: { tr: Translate; keywords: readonly string[] }) {
  if (!props.keywords.length) return null;
  return (
    <ul class="keywords keyword-tags" aria-label={props.tr('articles.keywords')}>
      {props.keywords.map((k) => (
        <li>
          <a href={keywordSearchHref(k)} title={props.tr('articles.keywords.search', { keyword: k })}>
            #{k}
          </a>
        </li>
      ))}
    </ul>
  );
}
