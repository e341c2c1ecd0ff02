// /account: the reader's profile, sign-in settings, sessions and data, one section each. Every
// form posts to its own path and comes back here with a confirmation or its errors.
import type { ComponentChildren } from 'preact';
import type { ReaderNavEntry } from '../../capability.ts';
import { CsrfField } from '../../auth/csrf.tsx';
import { translator, type Locale, type Translate } from '../../web/i18n/index.ts';
import { issueFor, type FormProblem } from '../page.tsx';
import type { ReaderAccount } from '../reader.ts';
import type { ReaderSession } from '../sessions.ts';
import { Field, ProblemSummary } from './form-parts.tsx';

export const ACCOUNT_NOTICES = [
  'nickname',
  'email-sent',
  'password',
  'preferences',
  'session-revoked',
  'verification-sent',
  'email-verified',
] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];
export type AccountSection = 'nickname' | 'email' | 'password' | 'preferences' | 'verification';

export interface AccountViewProps {
  locale: Locale;
  reader: ReaderAccount;
  csrfToken: string;
  sessions: ReaderSession[];
  timeZones: readonly string[];
  nicknameWaitUntil?: number;
  notice?: AccountNotice;
  /** The reader's pages other capabilities bring (manifest `readerNav`). */
  nav: readonly ReaderNavEntry[];
  /** The section whose form failed, and why. */
  failed?: { section: AccountSection; problem: FormProblem };
  now: number;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2026.12.01. 18:15" / "1 Dec 2026, 18:15" in the reader's time zone. Composed from numeric
 * parts: Node's ICU data may lack Korean day periods (it prints "PM" for ko-KR).
 */
export function zonedTime(locale: Locale, timeZone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  if (locale === 'ko') return `${p.year}.${p.month}.${p.day}. ${p.hour}:${p.minute}`;
  return `${Number(p.day)} ${EN_MONTHS[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
}

function problemOf(props: AccountViewProps, section: AccountSection): FormProblem | undefined {
  return props.failed?.section === section ? props.failed.problem : undefined;
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="account-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function SessionsTable({ tr, props }: { tr: Translate; props: AccountViewProps }) {
  const time = (ms: number) => zonedTime(props.locale, props.reader.timeZone, ms);
  return (
    <div class="table-scroll">
      <table class="studio-table account-sessions">
        <caption class="visually-hidden">{tr('readers.account.sessions')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('readers.account.device')}</th>
            <th scope="col">{tr('readers.account.signed-in')}</th>
            <th scope="col">{tr('readers.account.last-used')}</th>
            <th scope="col">{tr('readers.account.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <th scope="row">
                {s.device}
                {s.current ? <span class="badge"> {tr('readers.account.this-device')}</span> : null}
              </th>
              <td>{time(s.createdAt)}</td>
              <td>{time(s.lastSeenAt)}</td>
              <td>
                {s.current ? null : (
                  <form method="post" action="/account/sessions/revoke">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="session" value={s.id} />
                    <button
                      type="submit"
                      class="button button--danger"
                      aria-label={tr('readers.account.revoke-named', { device: s.device })}
                    >
                      {tr('readers.account.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AccountView(props: AccountViewProps) {
  const { reader, locale } = props;
  const tr = translator(locale);
  const passwordField = (id: string, section: AccountSection) =>
    reader.hasPassword ? (
      <Field
        id={id}
        name="current_password"
        type="password"
        label={tr('readers.field.current-password')}
        autocomplete="current-password"
        required
        error={issueFor(problemOf(props, section), 'current_password')}
      />
    ) : null;
  return (
    <div class="account">
      <h1>{tr('readers.account.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {tr(`readers.account.notice.${props.notice}`)}
        </p>
      ) : null}
      {reader.suspended ? <p class="notice notice--error">{tr('readers.account.suspended')}</p> : null}
      {props.nav.length ? (
        <nav class="account-nav" aria-label={tr('readers.account.nav')}>
          <ul>
            {props.nav.map((n) => (
              <li>
                <a href={n.href}>{tr(n.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {!reader.emailVerified ? (
        <div class="notice notice--error">
          <p>{tr('readers.account.unverified', { email: reader.email })}</p>
          <ProblemSummary problem={problemOf(props, 'verification')} heading={tr('readers.form.fix')} />
          <form method="post" action="/account/verification">
            <CsrfField token={props.csrfToken} />
            <button type="submit">{tr('readers.account.resend')}</button>
          </form>
        </div>
      ) : null}

      <Section id="account-profile" title={tr('readers.account.profile')}>
        <ProblemSummary problem={problemOf(props, 'nickname')} heading={tr('readers.form.fix')} />
        <form method="post" action="/account/nickname" class="reader-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <Field
            id="account-nickname"
            name="nickname"
            label={tr('readers.field.nickname')}
            autocomplete="nickname"
            required
            value={reader.nickname}
            maxLength={20}
            hint={
              props.nicknameWaitUntil
                ? tr('readers.account.nickname-next', {
                    date: zonedTime(locale, reader.timeZone, props.nicknameWaitUntil),
                  })
                : tr('readers.account.nickname-rule')
            }
            error={issueFor(problemOf(props, 'nickname'), 'nickname')}
          />
          <p>
            <button type="submit">{tr('readers.account.save-nickname')}</button>
          </p>
        </form>
      </Section>

      <Section id="account-email" title={tr('readers.field.email')}>
        <p>{tr('readers.account.email-now', { email: reader.email })}</p>
        <ProblemSummary problem={problemOf(props, 'email')} heading={tr('readers.form.fix')} />
        <form method="post" action="/account/email" class="reader-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <Field
            id="account-new-email"
            name="email"
            type="email"
            label={tr('readers.field.new-email')}
            autocomplete="email"
            required
            error={issueFor(problemOf(props, 'email'), 'email')}
          />
          {passwordField('account-email-password', 'email')}
          <p>
            <button type="submit">{tr('readers.account.save-email')}</button>
          </p>
        </form>
      </Section>

      <Section id="account-password" title={tr('readers.field.password')}>
        <ProblemSummary problem={problemOf(props, 'password')} heading={tr('readers.form.fix')} />
        <form method="post" action="/account/password" class="reader-form" novalidate>
          <CsrfField token={props.csrfToken} />
          {passwordField('account-current-password', 'password')}
          <Field
            id="account-password-new"
            name="password"
            type="password"
            label={tr('readers.field.new-password')}
            autocomplete="new-password"
            required
            hint={tr('readers.signup.password-hint')}
            error={issueFor(problemOf(props, 'password'), 'password')}
          />
          <p>
            <button type="submit">{tr('readers.account.save-password')}</button>
          </p>
        </form>
      </Section>

      <Section id="account-preferences" title={tr('readers.account.preferences')}>
        <ProblemSummary problem={problemOf(props, 'preferences')} heading={tr('readers.form.fix')} />
        <form method="post" action="/account/preferences" class="reader-form">
          <CsrfField token={props.csrfToken} />
          <p class="field">
            <label for="account-locale">{tr('readers.account.language')}</label>
            <select id="account-locale" name="locale">
              <option value="ko" selected={reader.locale === 'ko'} lang="ko">
                한국어
              </option>
              <option value="en" selected={reader.locale === 'en'} lang="en">
                English
              </option>
            </select>
          </p>
          <p class="field">
            <label for="account-time-zone">{tr('readers.account.time-zone')}</label>
            <select id="account-time-zone" name="time_zone">
              {props.timeZones.map((z) => (
                <option value={z} selected={reader.timeZone === z}>
                  {z}
                </option>
              ))}
            </select>
          </p>
          <p>
            <button type="submit">{tr('readers.account.save-preferences')}</button>
          </p>
        </form>
      </Section>

      <Section id="account-sessions" title={tr('readers.account.sessions')}>
        <p>{tr('readers.account.sessions-intro')}</p>
        <SessionsTable tr={tr} props={props} />
        <form method="post" action="/account/sessions/end-all">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button button--danger">
            {tr('readers.account.sign-out-everywhere')}
          </button>
        </form>
      </Section>

      <Section id="account-data" title={tr('readers.account.data')}>
        <p>{tr('readers.account.data-intro')}</p>
        <ul>
          <li>
            <a href="/account/export" download="sosik-account.json">
              {tr('readers.account.export')}
            </a>
          </li>
          <li>
            <a href="/account/delete">{tr('readers.account.delete')}</a>
          </li>
        </ul>
      </Section>
    </div>
  );
}

export function DeleteAccountView(props: {
  locale: Locale;
  csrfToken: string;
  hasPassword: boolean;
  problem?: FormProblem;
}) {
  const tr = translator(props.locale);
  return (
    <section class="login reader-card" aria-labelledby="delete-title">
      <h1 id="delete-title">{tr('readers.delete.title')}</h1>
      <p>{tr('readers.delete.intro')}</p>
      <ul>
        <li>{tr('readers.delete.what-goes')}</li>
        <li>{tr('readers.delete.comments')}</li>
        <li>{tr('readers.delete.export-first')}</li>
      </ul>
      <ProblemSummary problem={props.problem} heading={tr('readers.form.fix')} />
      <form method="post" action="/account/delete" class="login-form" novalidate>
        <CsrfField token={props.csrfToken} />
        {props.hasPassword ? (
          <Field
            id="delete-password"
            name="current_password"
            type="password"
            label={tr('readers.field.current-password')}
            autocomplete="current-password"
            required
            error={issueFor(props.problem, 'current_password')}
          />
        ) : (
          <Field
            id="delete-confirm"
            name="confirm_email"
            type="email"
            label={tr('readers.delete.type-email')}
            required
            error={issueFor(props.problem, 'confirm_email')}
          />
        )}
        <p>
          <button type="submit" class="button button--danger">
            {tr('readers.delete.submit')}
          </button>
        </p>
      </form>
      <p>
        <a href="/account">{tr('readers.delete.cancel')}</a>
      </p>
    </section>
  );
}
