// Newer / older links for newest-first lists. Links carry a keyset cursor ("<ms>-<id>"), so a page
// link keeps showing the same articles however many arrive later; the page number is for display.
import { translator, type Locale } from '../i18n/index.ts';

export interface PaginationProps {
  locale: Locale;
  /** The list's first-page path, e.g. "/categories/politics". */
  basePath: string;
  page: number;
  /** Cursor of the first item shown, when newer items exist. */
  newer?: string;
  /** Cursor of the last item shown, when older items exist. */
  older?: string;
}

export function pageHref(basePath: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  // A filtered list's base path already has a query (e.g. "/latest?category=politics").
  return query ? `${basePath}${basePath.includes('?') ? '&' : '?'}${query}` : basePath;
}

export function Pagination(props: PaginationProps) {
  const tr = translator(props.locale);
  if (!props.newer && !props.older && props.page <= 1) return null;
  const newerHref = props.newer
    ? props.page <= 2
      ? props.basePath
      : pageHref(props.basePath, { after: props.newer, page: props.page - 1 })
    : undefined;
  const olderHref = props.older ? pageHref(props.basePath, { before: props.older, page: props.page + 1 }) : undefined;
  return (
    <nav class="pagination" aria-label={tr('web.pagination.label')}>
      {newerHref ? (
        <a class="pagination__newer" href={newerHref} rel="prev">
          {tr('web.pagination.newer')}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
      <span class="pagination__page" aria-current="page">
        {tr('web.pagination.page', { page: props.page })}
      </span>
      {olderHref ? (
        <a class="pagination__older" href={olderHref} rel="next">
          {tr('web.pagination.older')}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
    </nav>
  );
}
