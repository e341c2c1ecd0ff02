// Paginated newest-first lists: a category's articles, a press's articles.
import type { ComponentChildren, VNode } from 'preact';
import { Pagination } from '../../web/components/pagination.tsx';
import { translator } from '../../web/i18n/index.ts';
import { Layout, type AlternateLink } from '../../web/layout.tsx';
import type { CategoryRef, ListPage, PressDetail } from '../read-store.ts';
import { ArticleCardList } from './article-card.tsx';
import { categoryName, frameOf, pressName, type PageContext } from '../../web/page-context.ts';
import { LatestAside, type HeadlineLink } from './latest-aside.tsx';

interface ListFrameProps {
  ctx: PageContext;
  title: string;
  description: string;
  basePath: string;
  canonicalPath: string;
  activeCategory?: string;
  list: ListPage;
  page: number;
  alternates?: AlternateLink[];
  intro?: ComponentChildren;
  latest?: readonly HeadlineLink[];
  /** A press's own list need not name the press on every card. */
  hidePress?: boolean;
}

export function ListFrame(props: ListFrameProps) {
  const { ctx, list } = props;
  const tr = translator(ctx.locale);
  return (
    <Layout
      {...frameOf(ctx)}
      activeCategory={props.activeCategory}
      meta={{
        title: props.page > 1 ? `${props.title} (${tr('web.pagination.page', { page: props.page })})` : props.title,
        description: props.description,
        canonical: ctx.publicUrl + props.canonicalPath,
        alternates: props.alternates,
      }}
    >
      <div class="with-aside">
        <div>
          <header class="list-head">
            <h1 class="list-head__title">{props.title}</h1>
            {props.intro}
          </header>
          {list.items.length ? (
            <ArticleCardList
              ctx={ctx}
              articles={list.items}
              variant="item"
              headingLevel={2}
              hidePress={props.hidePress}
            />
          ) : (
            <p class="empty-state">{tr('articles.list.empty')}</p>
          )}
          <Pagination
            locale={ctx.locale}
            basePath={props.basePath}
            page={props.page}
            newer={list.newer}
            older={list.older}
          />
        </div>
        <LatestAside ctx={ctx} latest={props.latest ?? []} />
      </div>
    </Layout>
  );
}

export function CategoryPage(props: {
  ctx: PageContext;
  category: CategoryRef;
  list: ListPage;
  page: number;
  canonicalPath: string;
  alternates?: AlternateLink[];
  latest?: readonly HeadlineLink[];
  /** The follow control other capabilities render (src/capability.ts `followControl`). */
  follow?: readonly VNode[];
}) {
  const { ctx, category } = props;
  const tr = translator(ctx.locale);
  const name = categoryName(ctx.locale, category);
  return (
    <ListFrame
      ctx={ctx}
      title={name}
      description={tr('articles.category.description', { category: name, site: ctx.siteName })}
      basePath={`/categories/${category.slug}`}
      canonicalPath={props.canonicalPath}
      activeCategory={category.slug}
      list={props.list}
      page={props.page}
      alternates={props.alternates}
      latest={props.latest}
      intro={
        <>
          <p class="list-head__note">{tr('articles.categories.note')}</p>
          {props.follow}
        </>
      }
    />
  );
}

export function PressPage(props: {
  ctx: PageContext;
  press: PressDetail;
  list: ListPage;
  page: number;
  canonicalPath: string;
  alternates?: AlternateLink[];
  latest?: readonly HeadlineLink[];
  follow?: readonly VNode[];
}) {
  const { ctx, press } = props;
  const tr = translator(ctx.locale);
  const name = pressName(ctx.locale, press);
  const description = (ctx.locale === 'en' ? press.descriptionEn : null) ?? press.description;
  return (
    <ListFrame
      ctx={ctx}
      title={name}
      description={description ?? tr('articles.press.description', { press: name, site: ctx.siteName })}
      basePath={`/press/${press.slug}`}
      canonicalPath={props.canonicalPath}
      list={props.list}
      page={props.page}
      alternates={props.alternates}
      latest={props.latest}
      hidePress
      intro={
        <div class="press-intro">
          {description ? <p class="press-intro__description">{description}</p> : null}
          {press.homepage && /^https?:\/\//i.test(press.homepage) ? (
            <p>
              <a href={press.homepage} rel="noopener">
                {tr('articles.press.homepage')}
              </a>
            </p>
          ) : null}
          {props.follow}
        </div>
      }
    />
  );
}
