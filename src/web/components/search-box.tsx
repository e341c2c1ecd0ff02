// The GET /search form (the search capability renders the results page).
import { t, type Locale } from '../i18n/index.ts';

/** `label` names the search landmark when a page has more than one search form. */
export function SearchBox(props: { locale: Locale; id: string; query?: string; class?: string; label?: string }) {
  return (
    <form
      class={`search-box ${props.class ?? ''}`.trim()}
      role="search"
      action="/search"
      method="get"
      aria-label={props.label}
    >
      <label class="visually-hidden" for={props.id}>
        {t(props.locale, 'web.search.label')}
      </label>
      <input
        id={props.id}
        type="search"
        name="q"
        value={props.query ?? ''}
        placeholder={t(props.locale, 'web.search.placeholder')}
        autocomplete="off"
      />
      <button type="submit">{t(props.locale, 'web.search.submit')}</button>
    </form>
  );
}
