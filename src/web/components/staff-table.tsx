// The one table and pager of staff pages (studio, outbox, readers, reporters): column headers from a
// list, the first cell of each row a row header, horizontal scrolling on narrow screens.
import type { ComponentChildren } from 'preact';
import { translator, type Locale } from '../i18n/index.ts';

export function StaffTable(props: {
  columns: readonly string[];
  caption?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class={props.class ? `studio-table ${props.class}` : 'studio-table'}>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** Previous / next links of a numbered staff list; nothing when there is a single page. */
export function StaffPager(props: { locale: Locale; page: number; hasMore: boolean; href: (page: number) => string }) {
  if (props.page <= 1 && !props.hasMore) return null;
  const tr = translator(props.locale);
  return (
    <nav class="pager" aria-label={tr('web.pagination.label')}>
      {props.page > 1 && (
        <a rel="prev" href={props.href(props.page - 1)}>
          {tr('web.pager.previous')}
        </a>
      )}
      {props.hasMore && (
        <a rel="next" href={props.href(props.page + 1)}>
          {tr('web.pager.next')}
        </a>
      )}
    </nav>
  );
}
