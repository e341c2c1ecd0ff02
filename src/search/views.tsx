// The server-rendered search page: form with filters, summary, facets, results, pages, suggestions.
import { SearchBox } from '../web/components/search-box.tsx';
import { isoTime, listTime } from '../web/format.ts';
import { translator, type Locale, type Translate } from '../web/i18n/index.ts';
import { Layout, type NavCategory } from '../web/layout.tsx';
import type { FrameBreaking } from '../web/site-frame.ts';
import type { FacetItem, SearchRequest, SearchResponse } from './model.ts';

export interface SearchPageProps {
  locale: Locale;
  siteName: string;
  publicUrl: string;
  path: string;
  nav: NavCategory[];
  stylesheets: readonly string[];
  presses: Array<{ slug: string; name: string; nameEn: string | null }>;
  categories: Array<{ slug: string; name: string }>;
  request: SearchRequest;
  response: SearchResponse;
  now: number;
  /** Date filters that were typed but are not a day (kept in the field, named in a message). */
  rejectedDates?: { from?: string; to?: string };
  /** The site-wide 속보 banner's article, if one is current. */
  breaking?: FrameBreaking;
}

/** The empty page's choseong example: "시내버스" headlines are in the demo content (views.test.ts checks). */
export const CHOSEONG_EXAMPLE = { choseong: 'ㅅㄴㅂㅅ', word: '시내버스' } as const;

/** The /search URL for the current request with some parameters changed (undefined removes one). */
export function searchHref(
  req: SearchRequest,
  change: Partial<Record<'q' | 'press' | 'category' | 'from' | 'to' | 'sort' | 'page', string | undefined>>,
): string {
  const p = new URLSearchParams();
  const current: Record<string, string | undefined> = {
    q: req.q,
    press: req.pressSlugs?.join(','),
    category: req.categorySlugs?.join(','),
    from: req.from,
    to: req.to,
    sort: req.sort && req.sort !== 'relevance' ? req.sort : undefined,
    page: req.page && req.page > 1 ? String(req.page) : undefined,
  };
  for (const [k, v] of Object.entries({ ...current, ...change })) if (v) p.set(k, v);
  return `/search?${p}`;
}

const localName = (locale: Locale, item: { name: string; nameEn: string | null }) =>
  locale === 'en' && item.nameEn ? item.nameEn : item.name;

function Filters(props: SearchPageProps & { tr: Translate }) {
  const { request: req, tr } = props;
  return (
    <form class="search-filters" action="/search" method="get" aria-label={tr('search.filter.legend')}>
      <input type="hidden" name="q" value={req.q} />
      <label>
        {tr('search.sort.label')}{' '}
        <select name="sort">
          <option value="relevance" selected={req.sort !== 'newest'}>
            {tr('search.sort.relevance')}
          </option>
          <option value="newest" selected={req.sort === 'newest'}>
            {tr('search.sort.newest')}
          </option>
        </select>
      </label>{' '}
      <label>
        {tr('search.filter.press')}{' '}
        <select name="press">
          <option value="">{tr('search.filter.any')}</option>
          {props.presses.map((p) => (
            <option value={p.slug} selected={req.pressSlugs?.includes(p.slug)}>
              {localName(props.locale, p)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {tr('search.filter.category')}{' '}
        <select name="category">
          <option value="">{tr('search.filter.any')}</option>
          {props.categories.map((c) => (
            <option value={c.slug} selected={req.categorySlugs?.includes(c.slug)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <DateField
        name="from"
        label={tr('search.filter.from')}
        value={req.from}
        rejected={props.rejectedDates?.from}
        tr={tr}
      />{' '}
      <DateField name="to" label={tr('search.filter.to')} value={req.to} rejected={props.rejectedDates?.to} tr={tr} />{' '}
      <button type="submit">{tr('search.filter.apply')}</button>
      <DateErrors rejected={props.rejectedDates} tr={tr} />
    </form>
  );
}

/**
 * A day typed as YYYY-MM-DD. Not <input type="date">: Chromium shows that in the browser's locale
 * ("mm/dd/yyyy" on a Korean page read in an English browser); the server checks the value.
 */
function DateField(props: { name: 'from' | 'to'; label: string; value?: string; rejected?: string; tr: Translate }) {
  const { tr } = props;
  const hintId = `search-${props.name}-hint`;
  const errorId = `search-${props.name}-error`;
  return (
    <label class="search-filters__date">
      {props.label}{' '}
      <input
        type="text"
        name={props.name}
        value={props.rejected ?? props.value ?? ''}
        maxLength={10}
        size={11}
        placeholder="YYYY-MM-DD"
        autocomplete="off"
        aria-describedby={props.rejected ? `${hintId} ${errorId}` : hintId}
        aria-invalid={props.rejected ? 'true' : undefined}
      />
      <span class="visually-hidden" id={hintId}>
        {tr('search.filter.date-hint', { example: '2026-03-01' })}
      </span>
    </label>
  );
}

/** Below the row of filters (a message inside a label would push that label out of line). */
function DateErrors(props: { rejected?: { from?: string; to?: string }; tr: Translate }) {
  const entries = (['from', 'to'] as const).filter((k) => props.rejected?.[k]);
  if (!entries.length) return null;
  return (
    <div class="search-filters__errors">
      {entries.map((k) => (
        <p class="search-filters__error" id={`search-${k}-error`}>
          {props.tr('search.filter.date-invalid', { value: props.rejected![k]! })}
        </p>
      ))}
    </div>
  );
}

function FacetList(props: {
  title: string;
  items: FacetItem[];
  param: 'press' | 'category';
  active?: string[];
  req: SearchRequest;
  locale: Locale;
  tr: Translate;
}) {
  if (!props.items.length) return null;
  return (
    <section class="search-facets__group" aria-label={props.title}>
      <h2 class="search-facets__title">{props.title}</h2>
      <ul>
        {props.items.slice(0, 12).map((f) => {
          const on = props.active?.includes(f.slug);
          return (
            <li>
              <a
                href={searchHref(props.req, { [props.param]: on ? undefined : f.slug, page: undefined })}
                aria-current={on ? 'true' : undefined}
              >
                {localName(props.locale, f)}{' '}
                <span class="search-facets__count">{props.tr('search.facet.count', { count: f.count })}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Summary(props: { res: SearchResponse; tr: Translate }) {
  const { res, tr } = props;
  const count = res.total.toLocaleString('ko-KR');
  return (
    <div class="search-summary">
      <p role="status">{tr(res.totalIsLowerBound ? 'search.count.more' : 'search.count', { count })}</p>
      {res.loosened ? <p class="search-summary__note">{tr('search.loosened')}</p> : null}
      {res.mode === 'choseong' ? (
        <p class="search-summary__note">{tr('search.choseong', { query: res.query })}</p>
      ) : null}
    </div>
  );
}

function NoResults(props: { req: SearchRequest; res: SearchResponse; tr: Translate }) {
  const { req, res, tr } = props;
  const filtered = Boolean(req.pressSlugs?.length || req.categorySlugs?.length || req.from || req.to);
  return (
    <div class="empty-state search-empty">
      <p>{tr('search.no-results', { query: res.query })}</p>
      <p>{tr('search.no-results.tips')}</p>
      {res.suggestions.looserQueries.length ? (
        <section aria-label={tr('search.suggest.looser')}>
          <h2>{tr('search.suggest.looser')}</h2>
          <ul>
            {res.suggestions.looserQueries.map((q) => (
              <li>
                <a href={searchHref(req, { q, page: undefined })}>{q}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {res.suggestions.issues.length ? (
        <section aria-label={tr('search.suggest.issues')}>
          <h2>{tr('search.suggest.issues')}</h2>
          <ul>
            {res.suggestions.issues.map((i) => (
              <li>
                <a href={i.url}>{i.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {filtered ? (
        <p>
          <a href={searchHref({ q: req.q }, {})}>{tr('search.suggest.clear-filters')}</a>
        </p>
      ) : null}
    </div>
  );
}

function Pages(props: { req: SearchRequest; res: SearchResponse; tr: Translate }) {
  const { req, res, tr } = props;
  const lastPage = Math.min(50, Math.ceil(res.total / res.pageSize));
  if (lastPage <= 1) return null;
  return (
    <nav class="pagination" aria-label={tr('search.page.label')}>
      {res.page > 1 ? (
        <a href={searchHref(req, { page: String(res.page - 1) })} rel="prev">
          {tr('search.page.prev')}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
      <span class="pagination__page" aria-current="page">
        {tr('search.page.current', { page: res.page })}
      </span>
      {res.page < lastPage ? (
        <a href={searchHref(req, { page: String(res.page + 1) })} rel="next">
          {tr('search.page.next')}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
    </nav>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { locale, request: req, response: res } = props;
  const tr = translator(locale);
  const title = res.query ? tr('search.title.query', { query: res.query }) : tr('search.title');
  return (
    <Layout
      locale={locale}
      siteName={props.siteName}
      path={props.path}
      categories={props.nav}
      now={props.now}
      searchQuery={req.q}
      breaking={props.breaking}
      stylesheets={props.stylesheets}
      meta={{
        title,
        description: tr('search.description', { site: props.siteName }),
        canonical: props.publicUrl + searchHref(req, {}),
        robots: 'noindex, follow',
        search: { title: tr('search.opensearch.short-name', { site: props.siteName }), href: '/opensearch.xml' },
      }}
    >
      <header class="list-head search-head">
        <h1 class="list-head__title">{title}</h1>
        <SearchBox
          locale={locale}
          id="search-page-q"
          query={req.q}
          class="search-box--large"
          label={tr('search.title')}
        />
        {res.query ? <Filters {...props} tr={tr} /> : null}
      </header>
      {!res.query ? (
        <p class="empty-state">
          {tr('search.prompt')}{' '}
          <a href={searchHref({ q: CHOSEONG_EXAMPLE.choseong }, {})}>
            {tr('search.prompt.example', { example: CHOSEONG_EXAMPLE.choseong, word: CHOSEONG_EXAMPLE.word })}
          </a>
        </p>
      ) : res.mode === 'none' ? (
        <p class="empty-state">{tr('search.nothing-to-search')}</p>
      ) : res.total === 0 ? (
        <NoResults req={req} res={res} tr={tr} />
      ) : (
        <div class="with-aside">
          <div>
            <Summary res={res} tr={tr} />
            <ol class="search-results" aria-label={tr('search.results.label')}>
              {res.results.map((r) => (
                <li class={r.photoUrl ? 'search-result search-result--with-photo' : 'search-result'}>
                  <div class="search-result__text">
                    {/* headlineHtml and snippetHtml are escaped by snippet.ts; only <mark> is markup. */}
                    <h2 class="search-result__headline">
                      <a href={r.url} dangerouslySetInnerHTML={{ __html: r.headlineHtml }} />
                    </h2>
                    <p class="search-result__meta">
                      <a href={`/press/${r.press.slug}`}>{localName(locale, r.press)}</a> ·{' '}
                      <time dateTime={isoTime(r.publishedAt)}>{listTime(locale, r.publishedAt)}</time>
                    </p>
                    <p class="search-result__snippet" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                  </div>
                  {r.photoUrl ? (
                    // The headline link names the article; the thumbnail is a second, unfocusable way in (as on list cards).
                    <a class="search-result__photo" href={r.url} tabIndex={-1} aria-hidden="true">
                      <img src={r.photoUrl} alt="" loading="lazy" decoding="async" />
                    </a>
                  ) : null}
                </li>
              ))}
            </ol>
            <Pages req={req} res={res} tr={tr} />
          </div>
          {res.facets ? (
            <aside class="search-facets">
              <FacetList
                title={tr('search.facets.press')}
                items={res.facets.press}
                param="press"
                active={req.pressSlugs}
                req={req}
                locale={locale}
                tr={tr}
              />
              <FacetList
                title={tr('search.facets.category')}
                items={res.facets.category}
                param="category"
                active={req.categorySlugs}
                req={req}
                locale={locale}
                tr={tr}
              />
            </aside>
          ) : null}
        </div>
      )}
    </Layout>
  );
}
