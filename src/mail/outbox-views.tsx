// /studio/outbox markup: every message with its delivery state (uncertain ones called out), and
// one message with its text part, its source and, when it may not have arrived, "send again".
import { CsrfField } from '../auth/csrf.tsx';
import { dateTime } from '../web/format.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import type { MailMessageRow, OutboxListItem } from './store.ts';
import type { MailState } from './tables.ts';
import { StaffTable, StaffPager } from '../web/components/staff-table.tsx';

function StateLabel({ locale, state }: { locale: Locale; state: MailState }) {
  const tr = translator(locale);
  return <span class={`mail-state mail-state--${state}`}>{tr(`mail.state.${state}`)}</span>;
}

export function TransportNote({
  locale,
  transport,
  dir,
}: {
  locale: Locale;
  transport: 'smtp' | 'outbox';
  dir: string;
}) {
  const tr = translator(locale);
  return (
    <p class="notice">
      {transport === 'smtp' ? tr('mail.outbox.transport.smtp') : tr('mail.outbox.transport.outbox', { dir })}
    </p>
  );
}

export function OutboxListView(props: {
  locale: Locale;
  rows: OutboxListItem[];
  page: number;
  hasMore: boolean;
  uncertain: number;
  transport: 'smtp' | 'outbox';
  dir: string;
}) {
  const tr = translator(props.locale);
  const href = (page: number) => (page <= 1 ? '/studio/outbox' : `/studio/outbox?page=${page}`);
  return (
    <section class="studio mail-outbox" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{tr('mail.outbox.title')}</h1>
      <TransportNote locale={props.locale} transport={props.transport} dir={props.dir} />
      {props.uncertain > 0 ? (
        <p role="status" class="notice notice--error">
          {tr('mail.outbox.uncertainCount', { count: props.uncertain })}
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p>{tr('mail.outbox.empty')}</p>
      ) : (
        <StaffTable
          columns={[
            tr('mail.outbox.subject'),
            tr('mail.outbox.to'),
            tr('mail.outbox.template'),
            tr('mail.outbox.state'),
            tr('mail.outbox.attempts'),
            tr('mail.outbox.created'),
          ]}
        >
          {props.rows.map((r) => (
            <tr data-mail-id={r.id} data-state={r.state}>
              <th scope="row">
                <a href={`/studio/outbox/${r.id}`}>{r.subject}</a>
              </th>
              <td>{r.to}</td>
              <td>
                <code>{r.template}</code> · {r.lang}
              </td>
              <td>
                <StateLabel locale={props.locale} state={r.state} />
              </td>
              <td class="studio-table__num">{r.attempts}</td>
              <td>
                <time dateTime={new Date(r.createdAt).toISOString()}>{dateTime(props.locale, r.createdAt)}</time>
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <StaffPager locale={props.locale} page={props.page} hasMore={props.hasMore} href={href} />
    </section>
  );
}

export function OutboxMessageView(props: {
  locale: Locale;
  mail: MailMessageRow;
  source?: string;
  hasSource: boolean;
  csrfToken: string;
}) {
  const tr = translator(props.locale);
  const m = props.mail;
  const resendable = m.state === 'uncertain' || m.state === 'failed';
  return (
    <section class="studio mail-message" aria-labelledby="mail-title">
      <p>
        <a href="/studio/outbox">{tr('mail.outbox.back')}</a>
      </p>
      <h1 id="mail-title">{m.subject}</h1>
      <dl class="mail-message__meta">
        <dt>{tr('mail.outbox.state')}</dt>
        <dd>
          <StateLabel locale={props.locale} state={m.state} />
          {m.state === 'uncertain' || m.state === 'sending' ? (
            <p class="field-hint">{tr(`mail.state.help.${m.state}`)}</p>
          ) : null}
        </dd>
        <dt>{tr('mail.outbox.to')}</dt>
        <dd>{m.to_address}</dd>
        <dt>{tr('mail.outbox.template')}</dt>
        <dd>
          <code>{m.template}</code> · {tr('mail.outbox.lang')} {m.lang}
        </dd>
        <dt>{tr('mail.outbox.messageId')}</dt>
        <dd>
          <code>{m.message_id}</code>
        </dd>
        <dt>{tr('mail.outbox.created')}</dt>
        <dd>{dateTime(props.locale, m.created_at)}</dd>
        {m.sent_at ? (
          <>
            <dt>{tr('mail.outbox.sent')}</dt>
            <dd>{dateTime(props.locale, m.sent_at)}</dd>
          </>
        ) : null}
        <dt>{tr('mail.outbox.attempts')}</dt>
        <dd>
          {m.attempts}
          {m.transport ? ` · ${m.transport}` : ''}
        </dd>
        {m.last_response ? (
          <>
            <dt>{tr('mail.outbox.lastResponse')}</dt>
            <dd>
              <code>{m.last_response}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {resendable ? (
        <form method="post" action={`/studio/outbox/${m.id}/resend`} class="studio-form">
          <CsrfField token={props.csrfToken} />
          <p class="field-hint">{tr('mail.outbox.resendHint')}</p>
          <button type="submit">{tr('mail.outbox.resend')}</button>
        </form>
      ) : null}
      <h2>{tr('mail.outbox.textPart')}</h2>
      {m.text_body !== null ? (
        <pre class="mail-message__text">{m.text_body}</pre>
      ) : (
        <p>{tr('mail.outbox.bodyCleared')}</p>
      )}
      {m.html_body !== null ? (
        <p>
          <a href={`/studio/outbox/${m.id}/html`}>{tr('mail.outbox.htmlPart')}</a>
        </p>
      ) : null}
      {props.hasSource ? (
        <details>
          <summary>{tr('mail.outbox.source')}</summary>
          {props.source !== undefined ? <pre class="mail-message__source">{props.source}</pre> : null}
          <p>
            <a href={`/studio/outbox/${m.id}/eml`} download>
              {tr('mail.outbox.download')}
            </a>
          </p>
        </details>
      ) : null}
    </section>
  );
}
