// The moderators' queue: each comment with what was written, what readers see, every decision
// with its phase and evidence, reports and the author's appeal; one form for bulk actions.
import { CsrfField } from '../../auth/csrf.tsx';
import { dateTime } from '../../web/format.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';
import { MODERATOR_ACTIONS, QUEUE_REASONS, type QueueItem, type QueueReason } from '../moderation.ts';

interface LogRow {
  id: number;
  action: string;
  comment_id: number | null;
  reader_id: number | null;
  detail: string;
  created_at: number;
  email: string | null;
}

export function QueueView(props: {
  locale: Locale;
  items: QueueItem[];
  csrfToken: string;
  filter: { articleId?: number; reason?: QueueReason };
  log?: LogRow[];
  done?: number;
}) {
  const { locale, items } = props;
  const tr = translator(locale);
  return (
    <div class="studio-comments">
      <h1>{tr('comments.studio.title')}</h1>
      {props.done !== undefined ? <p role="status">{tr('comments.studio.done', { n: props.done })}</p> : null}
      <form method="get" action="/studio/comments" class="studio-comments__filter">
        <label for="filter-reason">{tr('comments.studio.filter.reason')}</label>
        <select id="filter-reason" name="reason">
          <option value="">{tr('comments.studio.filter.all')}</option>
          {QUEUE_REASONS.map((r) => (
            <option value={r} selected={props.filter.reason === r}>
              {tr(`comments.studio.reason.${r}`)}
            </option>
          ))}
        </select>
        <label for="filter-article">{tr('comments.studio.filter.article')}</label>
        <input
          id="filter-article"
          name="article"
          inputMode="numeric"
          value={props.filter.articleId ? String(props.filter.articleId) : ''}
        />
        <button type="submit">{tr('comments.studio.filter.apply')}</button>
      </form>
      {props.filter.articleId ? (
        <form method="post" action="/studio/comments/window" class="studio-comments__window">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="article" value={String(props.filter.articleId)} />
          <button type="submit" name="closed" value="1">
            {tr('comments.studio.close')}
          </button>
          <button type="submit" name="closed" value="0">
            {tr('comments.studio.open')}
          </button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p class="studio-comments__empty">{tr('comments.studio.empty')}</p>
      ) : (
        <form method="post" action="/studio/comments/decide" class="studio-comments__queue">
          <CsrfField token={props.csrfToken} />
          <ul class="studio-comments__list">
            {items.map((c) => (
              <li class="queue-item" id={`queue-${c.id}`}>
                <input type="checkbox" name="ids" value={String(c.id)} id={`pick-${c.id}`} />{' '}
                <label for={`pick-${c.id}`}>
                  #{c.id} · {c.nickname ?? '—'} · {dateTime(locale, c.createdAt)} ·{' '}
                  {tr(`comments.studio.status.${c.status}`)}
                </label>
                <p class="queue-item__article">
                  <a href={`/articles/${c.articleId}`}>{c.headline}</a>
                </p>
                <blockquote class="queue-item__original">{c.original}</blockquote>
                {c.body !== c.original ? (
                  <p class="queue-item__shown">{tr('comments.studio.shown', { text: c.body })}</p>
                ) : null}
                <ul class="queue-item__decisions">
                  {c.decisions.map((d) => (
                    <li>
                      <strong>{d.phase}</strong> {d.action} —{' '}
                      {tr(`comments.reason.${d.reason}`, evidenceParams(d.evidence))} <code>{d.evidence}</code>
                    </li>
                  ))}
                </ul>
                {c.reports.length ? (
                  <p class="queue-item__reports">
                    {tr('comments.studio.reports', { n: c.reports.length })}:{' '}
                    {c.reports.map((r) => tr(`comments.report.reason.${r.reason}`)).join(', ')}
                  </p>
                ) : null}
                {c.appealed ? (
                  <p class="queue-item__appeal">{tr('comments.studio.appeal', { text: c.appealText ?? '' })}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <fieldset class="studio-comments__actions">
            <legend>{tr('comments.studio.action')}</legend>
            {MODERATOR_ACTIONS.map((a, i) => (
              <label>
                <input type="radio" name="action" value={a} checked={i === 0} /> {tr(`comments.studio.action.${a}`)}
              </label>
            ))}
            <label for="suspend-days">{tr('comments.studio.days')}</label>
            <input id="suspend-days" name="days" inputMode="numeric" value="7" />
            <label for="decide-note">{tr('comments.studio.note')}</label>
            <input id="decide-note" name="note" maxLength={500} />
            <button type="submit">{tr('comments.studio.apply')}</button>
          </fieldset>
        </form>
      )}
      {props.log ? (
        <section class="studio-comments__log" aria-labelledby="mod-log-title">
          <h2 id="mod-log-title">{tr('comments.studio.log')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('comments.studio.log.time')}</th>
                <th scope="col">{tr('comments.studio.log.who')}</th>
                <th scope="col">{tr('comments.studio.action')}</th>
                <th scope="col">{tr('comments.studio.log.comment')}</th>
                <th scope="col">{tr('comments.studio.log.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {props.log.map((l) => (
                <tr>
                  <td>{dateTime(locale, Number(l.created_at))}</td>
                  <td>{l.email ?? '—'}</td>
                  <td>{tr(`comments.studio.action.${l.action}`)}</td>
                  <td>{l.comment_id ? `#${l.comment_id}` : '—'}</td>
                  <td>
                    <code>{l.detail}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

function evidenceParams(json: string): Record<string, string> {
  try {
    return Object.fromEntries(
      Object.entries(JSON.parse(json) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  } catch {
    return {};
  }
}
