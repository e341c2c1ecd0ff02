// The article page: every part of a Korean portal's article page (see ../shared/reference).
import { dateTime, isoTime } from '../../web/format.ts';
import { assetUrl } from '../../web/assets.ts';
import { translator } from '../../web/i18n/index.ts';
import { Layout, type AlternateLink } from '../../web/layout.tsx';
import type { VNode } from 'preact';
import type { ArticleDetail } from '../read-store.ts';
import { ArticleTools, Bylines, CategoryNote, LightboxDialog, PhotoFigure } from './article-parts.tsx';
import {
  absoluteUrl,
  categoryName,
  contentLang,
  frameOf,
  pressName,
  uiLang,
  type PageContext,
} from '../../web/page-context.ts';
import { KeywordTags } from './keyword-tags.tsx';
import { LatestAside, type HeadlineLink } from './latest-aside.tsx';
import { CorrectionNote } from './correction-note.tsx';

export interface ArticlePageProps {
  ctx: PageContext;
  article: ArticleDetail;
  /** What other capabilities put on the page (src/capability.ts `PageSlots`), already rendered. */
  slots?: { header: VNode[]; lead?: VNode[]; sections: VNode[]; aside: VNode[] };
  /** The press's follow control (src/capability.ts `followControl`); nothing when none is declared. */
  follow?: readonly VNode[];
  alternates?: AlternateLink[];
  /** Site-wide latest headlines for the side column. */
  latest?: readonly HeadlineLink[];
}

export const ARTICLE_SCRIPTS = [
  'js/article-tools.js',
  'js/lightbox.js',
  'js/article-listen.js',
  'js/article-share.js',
] as const;

/** "Updated" is shown only when it would show a different minute from "published". */
export function wasUpdated(a: Pick<ArticleDetail, 'updatedAt' | 'firstCreatedAt'>): boolean {
  return Math.floor(a.updatedAt / 60_000) > Math.floor(a.firstCreatedAt / 60_000);
}

function newsArticleJsonLd(ctx: PageContext, a: ArticleDetail, canonical: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.summary || undefined,
    datePublished: isoTime(a.firstCreatedAt),
    dateModified: isoTime(a.updatedAt),
    inLanguage: a.lang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    image: a.photos.length ? a.photos.map((p) => absoluteUrl(ctx.publicUrl, p.url)) : undefined,
    author: a.bylines.map((b) => ({ '@type': 'Person', name: b.name, ...(b.email ? { email: b.email } : {}) })),
    publisher: { '@type': 'Organization', name: a.press.name, url: `${ctx.publicUrl}/press/${a.press.slug}` },
    articleSection: a.categories.map((c) => c.nameKo),
    keywords: a.keywords.length ? a.keywords.join(', ') : undefined,
    copyrightNotice: a.copyright ?? a.press.copyright ?? undefined,
    isAccessibleForFree: true,
  };
}

export function ArticlePage(props: ArticlePageProps) {
  const { ctx, article: a } = props;
  const tr = translator(ctx.locale);
  const canonical = `${ctx.publicUrl}/articles/${a.id}`;
  const press = pressName(ctx.locale, a.press);
  const updated = wasUpdated(a);
  // The <article> carries the story's language; UI text inside it is marked back to the page's.
  const ui = uiLang(ctx.locale, a.lang);
  const [leadPhoto, ...morePhotos] = a.photos;
  const copyright = a.copyright ?? a.press.copyright ?? tr('articles.copyright.default', { press: a.press.name });
  const ogExtra: Array<[string, string]> = [
    ['article:published_time', isoTime(a.firstCreatedAt)],
    ['article:modified_time', isoTime(a.updatedAt)],
    ...a.categories.map((c): [string, string] => ['article:section', categoryName(ctx.locale, c)]),
    ...a.keywords.map((k): [string, string] => ['article:tag', k]),
  ];
  return (
    <Layout
      {...frameOf(ctx)}
      activeCategory={a.categories[0]?.slug}
      scripts={ARTICLE_SCRIPTS.map(assetUrl)}
      meta={{
        title: a.headline,
        description: a.summary,
        canonical,
        ogType: 'article',
        ogImage: leadPhoto ? absoluteUrl(ctx.publicUrl, leadPhoto.url) : undefined,
        ogExtra,
        alternates: props.alternates,
        jsonLd: newsArticleJsonLd(ctx, a, canonical),
      }}
    >
      <div class="with-aside">
        <div class="article-layout">
          <article class="article" lang={contentLang(ctx.locale, a.lang)} aria-labelledby="article-title">
            <header class="article-head">
              {props.slots?.header}
              <p class="article-head__press" lang={ui}>
                <a href={`/press/${a.press.slug}`}>{press}</a>
              </p>
              <h1 id="article-title" class="article-head__title">
                {a.headline}
                {a.series ? (
                  <span class="article-head__series">
                    <span aria-hidden="true"> | </span>
                    <span class="visually-hidden" lang={ui}>
                      , {tr('articles.series')}:{' '}
                    </span>
                    {a.series}
                  </span>
                ) : null}
              </h1>
              {a.subheadline ? <p class="article-head__subheadline">{a.subheadline}</p> : null}
              <div class="article-head__info" lang={ui}>
                <p class="article-times">
                  <span class="article-times__item">
                    <span class="article-times__label">{tr('articles.published')}</span>
                    <time dateTime={isoTime(a.firstCreatedAt)}>{dateTime(ctx.locale, a.firstCreatedAt)}</time>
                  </span>
                  {a.revision > 1 ? (
                    <CorrectionNote
                      locale={ctx.locale}
                      articleId={a.id}
                      corrections={a.revision - 1}
                      at={a.updatedAt}
                    />
                  ) : updated ? (
                    <span class="article-times__item">
                      <span class="article-times__label">{tr('articles.updated')}</span>
                      <time dateTime={isoTime(a.updatedAt)}>{dateTime(ctx.locale, a.updatedAt)}</time>
                    </span>
                  ) : null}
                </p>
                <ArticleTools tr={tr} canonical={canonical} title={a.headline} lang={a.lang} />
              </div>
            </header>

            {props.slots?.lead}

            <div class="article-body" id="article-body" data-font-size-target>
              {/* Lets heading navigation land on the text; press subheads (h3) then nest under it. */}
              <h2 class="visually-hidden" lang={ui}>
                {tr('articles.body')}
              </h2>
              {leadPhoto ? (
                <>
                  <PhotoFigure tr={tr} photo={leadPhoto} eager uiLang={ui} />
                  <p class="photo-hint" lang={ui}>
                    {tr('articles.photo.hint')}
                  </p>
                </>
              ) : null}
              {/* Sanitised with an allow-list at ingest (src/press): the only markup embedded as-is. */}
              <div class="article-body__html" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
              {morePhotos.map((p) => (
                <PhotoFigure tr={tr} photo={p} uiLang={ui} />
              ))}
            </div>

            <footer class="article-foot">
              <Bylines tr={tr} bylines={a.bylines} articleId={a.id} />
              <KeywordTags tr={tr} keywords={a.keywords} />
              <section class="press-promo" aria-labelledby="press-promo-title" lang={ui}>
                <h2 id="press-promo-title" class="press-promo__name">
                  <a href={`/press/${a.press.slug}`}>{press}</a>
                </h2>
                <p class="press-promo__text">{tr('articles.subscribe.pitch')}</p>
                {props.follow}
              </section>
              <p class="copyright" lang={(a.copyright ?? a.press.copyright) ? undefined : ui}>
                {copyright}
              </p>
              <CategoryNote locale={ctx.locale} article={a} lang={ui} />
            </footer>
          </article>

          {props.slots?.sections}

          <nav class="press-sequence" aria-label={tr('articles.sequence.label', { press })}>
            {a.previous ? (
              <a
                class="press-sequence__link press-sequence__link--previous"
                href={`/articles/${a.previous.id}`}
                rel="prev"
              >
                <span class="press-sequence__label">{tr('articles.sequence.previous')}</span>
                <span class="press-sequence__headline" lang={contentLang(ctx.locale, a.previous.lang)}>
                  {a.previous.headline}
                </span>
              </a>
            ) : null}
            {a.next ? (
              <a class="press-sequence__link press-sequence__link--next" href={`/articles/${a.next.id}`} rel="next">
                <span class="press-sequence__label">{tr('articles.sequence.next')}</span>
                <span class="press-sequence__headline" lang={contentLang(ctx.locale, a.next.lang)}>
                  {a.next.headline}
                </span>
              </a>
            ) : null}
          </nav>
        </div>
        {props.slots?.aside.length ? (
          <div class="side-stack">
            <LatestAside ctx={ctx} currentHref={`/articles/${a.id}`} latest={props.latest ?? []} />
            {props.slots.aside}
          </div>
        ) : (
          <LatestAside ctx={ctx} currentHref={`/articles/${a.id}`} latest={props.latest ?? []} />
        )}
      </div>
      <LightboxDialog tr={tr} />
      <div
        class="toast"
        role="status"
        aria-live="polite"
        data-toast
        data-copied-message={tr('articles.tools.copied')}
        data-copy-failed-message={tr('articles.tools.copy-failed')}
      />
    </Layout>
  );
}
