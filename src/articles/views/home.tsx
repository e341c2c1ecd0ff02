// The front page: latest news, each category's newest, a strip per press, and the boxes other
// capabilities put beside the latest news (home slots, e.g. top issues now).
import type { VNode } from 'preact';
import { translator } from '../../web/i18n/index.ts';
import { Layout, type AlternateLink } from '../../web/layout.tsx';
import type { ArticleCard, CategoryRef, PressRef } from '../read-store.ts';
import { ArticleCardList, ArticleCardView } from './article-card.tsx';
import { categoryName, frameOf, pressName, type PageContext } from '../../web/page-context.ts';
import { innerHtml } from '../../web/fragments.ts';

/** What the front page's sections show: stored articles only, the same for every reader. */
export interface HomeSections {
  latest: ArticleCard[];
  categories: CategoryRef[];
  byCategory: Map<number, ArticleCard[]>;
  presses: PressRef[];
  byPress: Map<number, ArticleCard[]>;
}

export interface HomeData {
  /** Rendered home slots (src/capability.ts `PageSlots.homeBox`), in capability order. */
  boxes?: VNode[];
  alternates?: AlternateLink[];
  /** The order choice above the lead section, and a chosen order's list replacing it (`homeOrder` slot). */
  order?: { switcher: VNode; main?: VNode };
  /** The sections' content as kept HTML (rendered once per change, src/web/fragments.ts). */
  html: HomeSectionsHtml;
}

/** The HTML inside each front-page section (HomeSections rendered by the components below). */
export interface HomeSectionsHtml {
  latest: string;
  categories: string;
  presses: string;
}

type SectionProps = { ctx: PageContext; data: HomeSections };

/** Inside `<section class="home-latest">`: the lead story, the next ones, and a link to all. */
export function HomeLatestContent({ ctx, data }: SectionProps) {
  const tr = translator(ctx.locale);
  // The lead story is the newest one with a photo, so the front page opens with a picture.
  const lead = data.latest.find((a) => a.photoUrl) ?? data.latest[0];
  const rest = data.latest.filter((a) => a !== lead);
  return (
    <>
      <h2 id="latest-title" class="section-title">
        {tr('articles.home.latest')}
      </h2>
      {lead ? (
        <div class="home-latest__grid">
          <ArticleCardView ctx={ctx} article={lead} variant="lead" />
          <ArticleCardList ctx={ctx} articles={rest.slice(0, 5)} variant="item" />
        </div>
      ) : (
        <p class="empty-state">{tr('articles.list.empty')}</p>
      )}
      {rest.length > 5 ? <ArticleCardList ctx={ctx} articles={rest.slice(5)} variant="headline" /> : null}
      {lead ? (
        <p class="more-link">
          <a href="/latest">{tr('articles.latest.more')}</a>
        </p>
      ) : null}
    </>
  );
}

/** Inside `<div class="home-categories">`: each category's newest. */
export function HomeCategoriesContent({ ctx, data }: SectionProps) {
  return (
    <>
      {data.categories.map((c) => {
        const articles = data.byCategory.get(c.id) ?? [];
        if (!articles.length) return null;
        const [first, ...others] = articles;
        return (
          <section class="home-category" aria-labelledby={`cat-${c.slug}`}>
            <h2 id={`cat-${c.slug}`} class="section-title">
              <a href={`/categories/${c.slug}`}>{categoryName(ctx.locale, c)}</a>
            </h2>
            <ArticleCardView ctx={ctx} article={first!} variant="item" />
            <ArticleCardList ctx={ctx} articles={others} variant="headline" />
          </section>
        );
      })}
    </>
  );
}

/** Inside `<section class="home-presses">`: a strip of headlines per press. */
export function HomePressesContent({ ctx, data }: SectionProps) {
  const tr = translator(ctx.locale);
  return (
    <>
      <h2 id="presses-title" class="section-title">
        {tr('articles.home.by-press')}
      </h2>
      <p class="more-link">
        <a href="/press">{tr('articles.presses.all')}</a>
      </p>
      {data.presses.map((p) => {
        const articles = data.byPress.get(p.id) ?? [];
        if (!articles.length) return null;
        return (
          <section class="press-strip" aria-labelledby={`press-${p.slug}`}>
            <h3 id={`press-${p.slug}`} class="press-strip__name">
              <a href={`/press/${p.slug}`}>{pressName(ctx.locale, p)}</a>
            </h3>
            <ArticleCardList ctx={ctx} articles={articles} variant="headline" headingLevel={4} hidePress />
          </section>
        );
      })}
    </>
  );
}

export function HomePage(props: { ctx: PageContext; data: HomeData }) {
  const { ctx, data } = props;
  const tr = translator(ctx.locale);
  const html = data.html;
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: '',
        description: tr('articles.home.description', { site: ctx.siteName }),
        canonical: `${ctx.publicUrl}/`,
        alternates: data.alternates,
      }}
    >
      <h1 class="visually-hidden">{tr('articles.home.title', { site: ctx.siteName })}</h1>
      {data.order?.switcher}
      <div class="home-top">
        {data.order?.main ?? <section class="home-latest" aria-labelledby="latest-title" {...innerHtml(html.latest)} />}
        {data.boxes?.length ? <aside class="home-issues">{data.boxes}</aside> : null}
      </div>

      <div class="home-categories" {...innerHtml(html.categories)} />

      <section class="home-presses" aria-labelledby="presses-title" {...innerHtml(html.presses)} />
    </Layout>
  );
}
