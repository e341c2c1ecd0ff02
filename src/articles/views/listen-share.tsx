// "본문 듣기" (the browser's speech synthesis) and "공유하기" (the system share sheet): both exist
// only on some devices, so both start hidden and their islands (js/article-listen.js,
// js/article-share.js) reveal them where the browser can do it. Without JS the page reads the same.
import type { Translate } from '../../web/i18n/index.ts';

export function ListenButton(props: { tr: Translate; lang: string }) {
  const { tr } = props;
  return (
    <button
      type="button"
      class="tool-button"
      data-listen={props.lang}
      data-listen-label={tr('articles.tools.listen')}
      data-listen-stop-label={tr('articles.tools.listen-stop')}
      aria-pressed="false"
      hidden
    >
      <svg class="tool-button__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M4 9v6h4l5 4V5L8 9H4zM16 8.5a4.5 4.5 0 0 1 0 7M18.5 6a8 8 0 0 1 0 12"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <span data-listen-text>{tr('articles.tools.listen')}</span>
    </button>
  );
}

export function ShareButton(props: { tr: Translate; canonical: string; title: string }) {
  return (
    <button type="button" class="tool-button" data-share-url={props.canonical} data-share-title={props.title} hidden>
      <svg class="tool-button__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M12 15V3M7 8l5-5 5 5M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      {props.tr('articles.tools.share')}
    </button>
  );
}
