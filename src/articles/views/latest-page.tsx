// /latest: every press's articles, newest first, with a row of category filters above. The
// filters are plain links (no script), the current one marked with aria-current.
import { translator } from '../../web/i18n/index.ts';
import type { AlternateLink } from '../../web/layout.tsx';
import { categoryName, type PageContext } from '../../web/page-context.ts';
import type { CategoryRef, ListPage } from '../read-store.ts';
import type { HeadlineLink } from './latest-aside.tsx';
import { ListFrame } from './list-page.tsx';

export function latestPath(category?: CategoryRef): string {
  return category ? `/latest?category=${encodeURIComponent(category.slug)}` : '/latest';
}

function CategoryFilter(props: { ctx: PageContext; categories: readonly CategoryRef[]; current?: CategoryRef }) {
  const tr = translator(props.ctx.locale);
  const chip = (href: string, label: string, current: boolean) => (
    <li>
      <a class="filter-chips__chip" href={href} aria-current={current ? 'true' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="filter-chips" aria-label={tr('articles.latest.filter')}>
      <ul>
        {chip('/latest', tr('articles.latest.all'), !props.current)}
        {props.categories.map((c) =>
          chip(latestPath(c), categoryName(props.ctx.locale, c), props.current?.id === c.id),
        )}
      </ul>
    </nav>
  );
}

export function LatestPage(props: {
  ctx: PageContext;
  categories: readonly CategoryRef[];
  category?: CategoryRef;
  list: ListPage;
  page: number;
  canonicalPath: string;
  alternates?: AlternateLink[];
  latest?: readonly HeadlineLink[];
}) {
  const { ctx, category } = props;
  const tr = translator(ctx.locale);
  const title = category
    ? tr('articles.latest.title-in', { category: categoryName(ctx.locale, category) })
    : tr('articles.latest.title');
  return (
    <ListFrame
      ctx={ctx}
      title={title}
      description={tr('articles.latest.description', { site: ctx.siteName })}
      basePath={latestPath(category)}
      canonicalPath={props.canonicalPath}
      list={props.list}
      page={props.page}
      alternates={props.alternates}
      intro={<CategoryFilter ctx={ctx} categories={props.categories} current={category} />}
    />
  );
}
