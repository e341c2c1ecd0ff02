// An article as lists show it: lead (large photo), item (thumbnail beside), or headline only.
import { listTime, isoTime } from '../../web/format.ts';
import type { ArticleCard } from '../read-store.ts';
import { contentLang, pressName, uiLang, type PageContext } from '../../web/page-context.ts';

type Variant = 'lead' | 'item' | 'headline';

interface CardOptions {
  variant?: Variant;
  headingLevel?: 2 | 3 | 4;
  /** Lists of one press (the home page's press strips) need not repeat its name on every card. */
  hidePress?: boolean;
}

export function ArticleCardView(props: { ctx: PageContext; article: ArticleCard } & CardOptions) {
  const { ctx, article } = props;
  const variant = props.variant ?? 'item';
  const Heading = `h${props.headingLevel ?? 3}` as 'h3';
  const href = `/articles/${article.id}`;
  const showPhoto = variant !== 'headline' && article.photoUrl;
  return (
    <article
      class={`card card--${variant}${showPhoto ? ' card--with-photo' : ''}`}
      lang={contentLang(ctx.locale, article.lang)}
    >
      {showPhoto ? (
        // The headline link carries the name; the thumbnail is a second, unfocusable way in.
        <a class="card__photo" href={href} tabIndex={-1} aria-hidden="true">
          <img src={article.photoUrl!} alt="" loading="lazy" decoding="async" />
        </a>
      ) : null}
      <div class="card__text">
        <Heading class="card__title">
          <a href={href}>
            {article.headline}
            {article.series ? <span class="card__series"> | {article.series}</span> : null}
          </a>
        </Heading>
        {variant !== 'headline' && article.summary ? <p class="card__summary">{article.summary}</p> : null}
        <p class="card__meta" lang={uiLang(ctx.locale, article.lang)}>
          {props.hidePress ? null : (
            <a class="card__press" href={`/press/${article.press.slug}`}>
              {pressName(ctx.locale, article.press)}
            </a>
          )}
          <time dateTime={isoTime(article.firstCreatedAt)}>{listTime(ctx.locale, article.firstCreatedAt)}</time>
        </p>
      </div>
    </article>
  );
}

export function ArticleCardList(props: { ctx: PageContext; articles: readonly ArticleCard[] } & CardOptions) {
  return (
    <ul class={`card-list card-list--${props.variant ?? 'item'}`}>
      {props.articles.map((a) => (
        <li>
          <ArticleCardView
            ctx={props.ctx}
            article={a}
            variant={props.variant}
            headingLevel={props.headingLevel}
            hidePress={props.hidePress}
          />
        </li>
      ))}
    </ul>
  );
}
