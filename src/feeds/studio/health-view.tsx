// The feed health panel: each feed's state, last success, last error in words, items taken and
// next poll. Press staff see their own press's feeds; admins see all and may add feeds for any press.
import { CsrfField } from '../../auth/csrf.tsx';
import { translator, type Locale } from '../../web/i18n/index.ts';
import { dateTime } from '../../web/format.ts';
import type { FeedWithPress } from '../store.ts';

export interface FeedHealthProps {
  locale: Locale;
  feeds: FeedWithPress[];
  /** Presses the viewer may add feeds to (one for press staff, all for admins). */
  presses: Array<{ slug: string; name: string }>;
  csrfToken: string;
  notice?: 'added' | 'badUrl';
}

function state(f: FeedWithPress): 'disabled' | 'failing' | 'ok' | 'pending' {
  if (!f.enabled) return 'disabled';
  if (f.error_count > 0) return 'failing';
  return f.last_success_at ? 'ok' : 'pending';
}

export function FeedHealthPanel(props: FeedHealthProps) {
  const tr = translator(props.locale);
  const time = (ms: number | null) => (ms ? dateTime(props.locale, ms) : tr('feeds.health.never'));
  return (
    <section class="feed-health" aria-labelledby="feed-health-title">
      <h1 id="feed-health-title">{tr('feeds.health.title')}</h1>
      <p>{tr('feeds.health.intro')}</p>
      {props.notice ? (
        <p role="status" class={props.notice === 'added' ? 'notice' : 'notice notice--error'}>
          {tr(props.notice === 'added' ? 'feeds.health.added' : 'feeds.health.badUrl')}
        </p>
      ) : null}
      {props.feeds.length === 0 ? (
        <p>{tr('feeds.health.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="feed-health__table">
            <thead>
              <tr>
                <th scope="col">{tr('feeds.health.press')}</th>
                <th scope="col">{tr('feeds.health.url')}</th>
                <th scope="col">{tr('feeds.health.state')}</th>
                <th scope="col">{tr('feeds.health.lastSuccess')}</th>
                <th scope="col">{tr('feeds.health.lastError')}</th>
                <th scope="col">{tr('feeds.health.itemsTaken')}</th>
                <th scope="col">{tr('feeds.health.nextPoll')}</th>
                <th scope="col">{tr('feeds.health.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.feeds.map((f) => {
                const s = state(f);
                return (
                  <tr data-feed-id={f.id} data-state={s}>
                    <td>{f.press_name}</td>
                    <td class="feed-health__url">
                      <span class="feed-health__title">{f.title ?? ''}</span> <code>{f.url}</code>
                    </td>
                    <td class={`feed-health__state feed-health__state--${s}`}>
                      {s !== 'failing'
                        ? tr(`feeds.health.${s}`)
                        : f.error_count === 1
                          ? tr('feeds.health.failingOnce')
                          : tr('feeds.health.failing', { count: f.error_count })}
                    </td>
                    <td>{time(f.last_success_at)}</td>
                    <td>
                      {f.last_error_code ? (
                        <>
                          {tr(`feeds.error.${f.last_error_code}`)}
                          <br />
                          <small>
                            {time(f.last_error_at)} · {f.last_error}
                          </small>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{f.items_taken}</td>
                    <td>{f.enabled ? time(f.next_poll_at) : '—'}</td>
                    <td>
                      <form method="post" action={`/studio/feeds/${f.id}`} class="feed-health__actions">
                        <CsrfField token={props.csrfToken} />
                        {f.enabled ? (
                          <>
                            <button type="submit" name="action" value="poll">
                              {tr('feeds.health.pollNow')}
                            </button>{' '}
                            <button type="submit" name="action" value="disable">
                              {tr('feeds.health.disable')}
                            </button>
                          </>
                        ) : (
                          <button type="submit" name="action" value="enable">
                            {tr('feeds.health.enable')}
                          </button>
                        )}
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.presses.length ? (
        <form method="post" action="/studio/feeds" class="feed-health__add">
          <h2>{tr('feeds.health.add')}</h2>
          <CsrfField token={props.csrfToken} />
          {props.presses.length > 1 ? (
            <label>
              {tr('feeds.health.addPress')}
              <select name="press">
                {props.presses.map((p) => (
                  <option value={p.slug}>{p.name}</option>
                ))}
              </select>
            </label>
          ) : (
            <input type="hidden" name="press" value={props.presses[0]!.slug} />
          )}
          <label>
            {tr('feeds.health.addUrl')}
            <input type="url" name="url" required inputmode="url" placeholder="https://" />
          </label>
          <button type="submit">{tr('feeds.health.addSubmit')}</button>
        </form>
      ) : null}
    </section>
  );
}
