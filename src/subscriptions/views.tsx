// My news (/my), the reader's subscriptions (/account/subscriptions) and the press's subscriber
// counts (/studio/subscribers).
import type { VNode } from 'preact';
import { ArticleCardList } from '../articles/index.ts';
import { CsrfField } from '../auth/csrf.tsx';
import type { PressSummary } from '../press/index.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { frameOf, pressName, type PageContext } from '../web/page-context.ts';
import { LIVE_PATH } from './live.ts';
import type { MyNewsItem } from './my-news.ts';
import type { Subscription } from './store.ts';
import type { TargetLabel } from './targets.ts';
import { StaffTable } from '../web/components/staff-table.tsx';
import { capabilityAssetUrl } from '../web/assets.ts';
import { SUBSCRIPTIONS_ASSETS } from './assets.ts';

/** The island that shows the live notice (served from this capability's static folder). */
const liveScript = () => capabilityAssetUrl('subscriptions', SUBSCRIPTIONS_ASSETS.dir, 'my-live.js');

export function MyNewsPage(props: {
  ctx: PageContext;
  items: readonly MyNewsItem[];
  older?: string;
  newCount: number;
  hasSubscriptions: boolean;
  suggestions: { presses: readonly PressSummary[]; issues: VNode | null };
  labels: ReadonlyMap<number, TargetLabel>;
  /** The newest moment the page shows: the live notice counts what comes after it (first page only). */
  liveSince?: number;
}) {
  const { ctx } = props;
  const tr = translator(ctx.locale);
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{ title: tr('subscriptions.my.title'), canonical: `${ctx.publicUrl}/my`, robots: 'noindex, nofollow' }}
      scripts={props.liveSince === undefined ? undefined : [liveScript()]}
    >
      <header class="list-head">
        <h1 class="list-head__title">
          {tr('subscriptions.my.title')}
          {props.newCount > 0 ? (
            <span class="badge" data-new-count={String(props.newCount)}>
              {' '}
              {tr('subscriptions.my.new', { count: props.newCount })}
            </span>
          ) : null}
        </h1>
        <p class="list-head__note">
          <a href="/account/subscriptions">{tr('subscriptions.my.manage')}</a>
        </p>
      </header>
      {props.liveSince === undefined ? null : (
        // Filled by static/my-live.js from the stream; a status region, so it is announced.
        <p class="live-notice" role="status" data-live-url={`${LIVE_PATH}?since=${props.liveSince}`}>
          <a class="live-notice__link" href="/my" hidden>
            <span class="live-notice__text" /> <span class="live-notice__action">{tr('subscriptions.live.show')}</span>
          </a>
        </p>
      )}
      {props.items.length ? (
        <ol class="my-news">
          {props.items.map((i) => (
            <li class="my-news__item" data-article={String(i.card.id)}>
              <ArticleCardList ctx={ctx} articles={[i.card]} variant="item" headingLevel={2} />
              <p class="my-news__via">
                {tr('subscriptions.my.via')}{' '}
                {i.via.map((v, n) => {
                  const label = props.labels.get(v.id);
                  return (
                    <>
                      {n ? ', ' : ''}
                      {label ? <a href={label.href}>{label.name}</a> : null}
                    </>
                  );
                })}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <section class="empty-state" aria-labelledby="my-empty">
          <h2 id="my-empty">
            {props.hasSubscriptions ? tr('subscriptions.my.empty-quiet') : tr('subscriptions.my.empty')}
          </h2>
          {props.suggestions.presses.length ? (
            <>
              <p>{tr('subscriptions.my.suggest-presses')}</p>
              <ul class="suggestions">
                {props.suggestions.presses.map((p) => (
                  <li>
                    <a href={`/press/${p.slug}`}>{pressName(ctx.locale, p)}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {props.suggestions.issues}
        </section>
      )}
      {props.older ? (
        <nav class="pagination" aria-label={tr('subscriptions.my.more')}>
          <a rel="next" href={`/my?before=${props.older}`}>
            {tr('subscriptions.my.older')}
          </a>
        </nav>
      ) : null}
    </Layout>
  );
}

export function ManageSubscriptions(props: {
  locale: Locale;
  csrfToken: string;
  subscriptions: readonly Subscription[];
  labels: ReadonlyMap<number, TargetLabel>;
  hidden: readonly PressSummary[];
  /** Whether a private feed address is live. */
  feed: boolean;
  digest: { frequency: string; hour: number; weekday: number; timeZone: string };
}) {
  const tr = translator(props.locale);
  const back = '/account/subscriptions';
  return (
    <div class="account">
      <h1>{tr('subscriptions.manage.title')}</h1>
      <p>
        <a href="/my">{tr('subscriptions.my.title')}</a>
      </p>
      {props.subscriptions.length ? (
        <table class="subscriptions-table">
          <caption>{tr('subscriptions.manage.caption', { count: props.subscriptions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('subscriptions.manage.what')}</th>
              <th scope="col">{tr('subscriptions.manage.delivery')}</th>
              <th scope="col">{tr('subscriptions.manage.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {props.subscriptions.map((s) => {
              const label = props.labels.get(s.id);
              const name = label?.name ?? tr('subscriptions.manage.gone');
              return (
                <tr data-subscription={String(s.id)}>
                  <th scope="row">
                    <span class="subscriptions-table__kind">{tr(`subscriptions.kind.${s.kind}`)}</span>{' '}
                    {label ? <a href={label.href}>{name}</a> : name}
                  </th>
                  <td>
                    <form method="post" action={`/subscriptions/${s.id}/delivery`}>
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="next" value={back} />
                      <label class="visually-hidden" for={`delivery-${s.id}`}>
                        {tr('subscriptions.manage.delivery-for', { name })}
                      </label>
                      <select id={`delivery-${s.id}`} name="delivery">
                        {(['digest', 'immediate', 'none'] as const).map((d) => (
                          <option value={d} selected={s.delivery === d}>
                            {tr(`subscriptions.delivery.${d}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="button">
                        {tr('subscriptions.manage.save')}
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`/subscriptions/${s.id}/delete`}>
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="next" value={back} />
                      <button type="submit" class="button" aria-label={tr('subscriptions.follow.stop', { name })}>
                        {tr('subscriptions.manage.remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty-state">{tr('subscriptions.manage.none')}</p>
      )}

      <section aria-labelledby="keyword-alert">
        <h2 id="keyword-alert">{tr('subscriptions.keyword.title')}</h2>
        <form method="post" action="/subscriptions/keyword">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="next" value={back} />
          <label for="keyword-query">{tr('subscriptions.keyword.label')}</label>
          <input id="keyword-query" name="query" required maxLength={100} />
          <button type="submit" class="button">
            {tr('subscriptions.keyword.add')}
          </button>
        </form>
      </section>

      <section aria-labelledby="digest-title">
        <h2 id="digest-title">{tr('subscriptions.digest.title')}</h2>
        <form method="post" action="/subscriptions/digest">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="next" value={back} />
          <label for="digest-frequency">{tr('subscriptions.digest.frequency')}</label>
          <select id="digest-frequency" name="digest">
            {(['off', 'daily', 'weekly'] as const).map((f) => (
              <option value={f} selected={props.digest.frequency === f}>
                {tr(`subscriptions.digest.${f}`)}
              </option>
            ))}
          </select>
          <label for="digest-weekday">{tr('subscriptions.digest.weekday')}</label>
          <select id="digest-weekday" name="weekday">
            {[0, 1, 2, 3, 4, 5, 6].map((d) => (
              <option value={String(d)} selected={props.digest.weekday === d}>
                {tr(`subscriptions.digest.day.${d}`)}
              </option>
            ))}
          </select>
          <label for="digest-hour">{tr('subscriptions.digest.hour', { zone: props.digest.timeZone })}</label>
          <select id="digest-hour" name="hour">
            {Array.from({ length: 24 }, (_, h) => (
              <option value={String(h)} selected={props.digest.hour === h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            {tr('subscriptions.manage.save')}
          </button>
        </form>
      </section>

      <section aria-labelledby="private-feed">
        <h2 id="private-feed">{tr('subscriptions.feed.title')}</h2>
        <p>{tr(props.feed ? 'subscriptions.feed.live' : 'subscriptions.feed.none')}</p>
        <form method="post" action="/subscriptions/feed-token" class="inline-form">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button">
            {tr(props.feed ? 'subscriptions.feed.replace' : 'subscriptions.feed.create')}
          </button>
        </form>
        {props.feed ? (
          <form method="post" action="/subscriptions/feed-token/revoke" class="inline-form">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button">
              {tr('subscriptions.feed.revoke')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="hidden-presses">
        <h2 id="hidden-presses">{tr('subscriptions.hidden.title')}</h2>
        {props.hidden.length ? (
          <ul>
            {props.hidden.map((p) => (
              <li>
                {pressName(props.locale, p)}{' '}
                <form method="post" action={`/subscriptions/hidden-presses/${p.id}/delete`} class="inline-form">
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="next" value={back} />
                  <button
                    type="submit"
                    class="button"
                    aria-label={tr('subscriptions.hidden.show-again', { name: pressName(props.locale, p) })}
                  >
                    {tr('subscriptions.hidden.undo')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{tr('subscriptions.hidden.none')}</p>
        )}
      </section>
    </div>
  );
}

/** "Hide this press everywhere", shown beside a press's follow control for signed-in readers. */
export function HidePressForm(props: {
  locale: Locale;
  csrfToken: string;
  pressId: number;
  name: string;
  next: string;
}) {
  const tr = translator(props.locale);
  return (
    <form method="post" action="/subscriptions/hidden-presses" class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="press" value={String(props.pressId)} />
      <input type="hidden" name="next" value={props.next} />
      <button type="submit" class="button button--quiet">
        {tr('subscriptions.hidden.hide', { name: props.name })}
      </button>
    </form>
  );
}

export function StudioSubscribersView(props: {
  locale: Locale;
  rows: ReadonlyArray<{
    press: PressSummary;
    subscribers: number;
    reporters: ReadonlyArray<{ id: number; name: string; subscribers: number }>;
  }>;
}) {
  const tr = translator(props.locale);
  return (
    <div class="studio">
      <h1>{tr('subscriptions.studio.title')}</h1>
      {props.rows.map((r) => (
        <section aria-labelledby={`subs-${r.press.id}`}>
          <h2 id={`subs-${r.press.id}`}>
            {pressName(props.locale, r.press)}:{' '}
            <span data-press-subscribers={String(r.subscribers)}>
              {tr('subscriptions.studio.count', { count: r.subscribers })}
            </span>
          </h2>
          {r.reporters.length ? (
            <StaffTable
              columns={[tr('reporters.studio.name'), tr('subscriptions.studio.subscribers')]}
              caption={tr('subscriptions.studio.reporters')}
            >
              {r.reporters.map((x) => (
                <tr>
                  <th scope="row">
                    <a href={`/reporters/${x.id}`}>{x.name}</a>
                  </th>
                  <td>{x.subscribers}</td>
                </tr>
              ))}
            </StaffTable>
          ) : null}
        </section>
      ))}
    </div>
  );
}

export function FeedTokenView(props: { locale: Locale; urls: { rss: string; atom: string; json: string } }) {
  const tr = translator(props.locale);
  return (
    <div class="account">
      <h1>{tr('subscriptions.feed.title')}</h1>
      <p>{tr('subscriptions.feed.once')}</p>
      <dl class="feed-urls">
        <dt>RSS</dt>
        <dd>
          <code data-feed="rss">{props.urls.rss}</code>
        </dd>
        <dt>Atom</dt>
        <dd>
          <code data-feed="atom">{props.urls.atom}</code>
        </dd>
        <dt>JSON Feed</dt>
        <dd>
          <code data-feed="json">{props.urls.json}</code>
        </dd>
      </dl>
      <p>
        <a href="/account/subscriptions">{tr('subscriptions.manage.title')}</a>
      </p>
    </div>
  );
}

export function UnsubscribeView(props: { locale: Locale; action: string; done: boolean }) {
  const tr = translator(props.locale);
  return (
    <div class="account">
      <h1>{tr('subscriptions.unsubscribe.title')}</h1>
      {props.done ? (
        <p role="status" data-unsubscribed="true">
          {tr('subscriptions.unsubscribe.done')}
        </p>
      ) : (
        <form method="post" action={props.action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p>{tr('subscriptions.unsubscribe.ask')}</p>
          <button type="submit" class="button">
            {tr('subscriptions.unsubscribe.button')}
          </button>
        </form>
      )}
      <p>
        <a href="/account/subscriptions">{tr('subscriptions.manage.title')}</a>
      </p>
    </div>
  );
}
