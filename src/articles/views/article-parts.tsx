// Pieces of the article page, each small enough to read at a glance.
import { translator, type Locale, type Translate } from '../../web/i18n/index.ts';
import type { ArticleDetail, Byline, Photo } from '../read-store.ts';
import { categoryName } from '../../web/page-context.ts';
import { ListenButton, ShareButton } from './listen-share.tsx';

/** Listen, share, copy-link and font-size controls: client islands (js/article-*.js) unhide and run them. */
export function ArticleTools(props: { tr: Translate; canonical: string; title: string; lang: string }) {
  const { tr } = props;
  return (
    <div class="article-tools">
      <ListenButton tr={tr} lang={props.lang} />
      <ShareButton tr={tr} canonical={props.canonical} title={props.title} />
      <button type="button" class="tool-button" data-copy-link={props.canonical} hidden>
        <svg class="tool-button__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
          />
        </svg>
        {tr('articles.tools.copy-link')}
      </button>
      <div class="font-size" role="group" aria-label={tr('articles.tools.font-size')} data-font-size-control hidden>
        <button type="button" class="tool-button" data-font-step="-1" aria-label={tr('articles.tools.font-smaller')}>
          <span aria-hidden="true" class="font-size__small">
            {tr('articles.tools.font-glyph')}
          </span>
        </button>
        <button type="button" class="tool-button" data-font-step="1" aria-label={tr('articles.tools.font-larger')}>
          <span aria-hidden="true" class="font-size__large">
            {tr('articles.tools.font-glyph')}
          </span>
        </button>
      </div>
    </div>
  );
}

/** A photo that opens full-size: in the lightbox with JS (js/lightbox.js), as the image itself without. */
export function PhotoFigure(props: { tr: Translate; photo: Photo; eager?: boolean; uiLang?: string }) {
  const { tr, photo } = props;
  const alt = photo.alt ?? photo.caption ?? '';
  return (
    <figure class="photo">
      <a class="photo__link" href={photo.url} data-lightbox>
        <img
          src={photo.url}
          alt={alt}
          width={photo.width ?? undefined}
          height={photo.height ?? undefined}
          loading={props.eager ? 'eager' : 'lazy'}
          decoding="async"
        />
        <span class="visually-hidden" lang={props.uiLang}>
          {' '}
          {tr('articles.photo.enlarge')}
        </span>
      </a>
      {photo.caption || photo.credit ? (
        <figcaption>
          {photo.caption ? <span class="photo__caption">{photo.caption}</span> : null}
          {photo.credit ? (
            <span class="photo__credit">
              <span class="visually-hidden" lang={props.uiLang}>
                {tr('articles.photo.credit')}{' '}
              </span>
              {photo.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** Names and roles are the press's words, so they keep the story's language. */
export function Bylines(props: { tr: Translate; bylines: readonly Byline[] }) {
  if (!props.bylines.length) return null;
  return (
    <ul class="bylines" aria-label={props.tr('articles.bylines')}>
      {props.bylines.map((b) => (
        <li class="byline">
          <span class="byline__name">{b.name}</span>
          {b.role ? <span class="byline__role">{b.role}</span> : null}
          {b.email ? (
            <a class="byline__email" href={`mailto:${b.email}`}>
              {b.email}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CategoryNote(props: { locale: Locale; article: ArticleDetail; lang?: string }) {
  const tr = translator(props.locale);
  return (
    <section class="category-note" aria-labelledby="category-note-title" lang={props.lang}>
      <h2 id="category-note-title" class="visually-hidden">
        {tr('articles.categories.title')}
      </h2>
      {props.article.categories.length ? (
        <ul class="chip-list">
          {props.article.categories.map((c) => (
            <li>
              <a class="chip" href={`/categories/${c.slug}`}>
                {categoryName(props.locale, c)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="category-note__text">{tr('articles.categories.note')}</p>
    </section>
  );
}

/** Filled by js/lightbox.js when a photo is opened; a native <dialog> gives Esc and the focus trap. */
export function LightboxDialog(props: { tr: Translate }) {
  return (
    <dialog class="lightbox" aria-label={props.tr('articles.photo.dialog')}>
      <figure class="lightbox__figure">
        <img class="lightbox__image" alt="" />
        <figcaption class="lightbox__caption" />
      </figure>
      <button type="button" class="lightbox__close" data-lightbox-close>
        {props.tr('articles.photo.close')}
      </button>
    </dialog>
  );
}
