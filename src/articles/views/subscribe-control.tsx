// Subscribe-to-press control. Subscriptions arrive with the readers capability; until then the
// button is shown, reachable and explained, but marked unavailable (aria-disabled keeps it focusable
// so a screen-reader user can find out why, which a `disabled` button would hide).
import { translator, type Locale } from '../../web/i18n/index.ts';

export function SubscribeControl(props: { locale: Locale; pressName: string; pressSlug: string; idSuffix: string }) {
  const tr = translator(props.locale);
  const noteId = `subscribe-note-${props.idSuffix}`;
  return (
    <div class="subscribe">
      <button
        type="button"
        class="button button--subscribe"
        aria-disabled="true"
        aria-describedby={noteId}
        data-subscribe-press={props.pressSlug}
      >
        <span aria-hidden="true">＋ </span>
        {tr('articles.subscribe.button', { press: props.pressName })}
      </button>
      <p id={noteId} class="subscribe__note">
        {tr('articles.subscribe.soon')}
      </p>
    </div>
  );
}
