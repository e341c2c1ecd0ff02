// Studio markup: press list (admins, editors), a press's articles, one article's revisions, a new key.
import { CsrfField } from '../auth/csrf.tsx';
import type { ErrorCode } from '../errors.ts';
import { dateTime } from '../web/format.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import type { PressSummary, StudioArticle, StudioArticleRow } from './store.ts';
import { StaffTable, StaffPager } from '../web/components/staff-table.tsx';

/** A create-press form sent back after a refusal: what was typed, and why it was refused. */
export interface PressFormState {
  status: number;
  errorCode: ErrorCode;
  values: { slug: string; name: string; nameEn?: string; homepage?: string };
}

// Typed against the catalogue, so a renamed code fails to compile instead of silently showing 'other'.
const FORM_ERRORS = new Set<ErrorCode>(['INVALID_SLUG', 'INVALID_NAME', 'PRESS_EXISTS', 'VALIDATION_FAILED']);

export function PressesView(props: {
  locale: Locale;
  presses: PressSummary[];
  canManage: boolean;
  csrfToken: string;
  form?: PressFormState;
  /** Set when SOSIK_PUBLIC_URL leaves links on localhost while the server is reachable (config.publicUrlWarning). */
  publicUrlProblem?: { publicUrl: string; host: string };
}) {
  const tr = translator(props.locale);
  const form = props.form;
  const errorKey = form
    ? `studio.presses.error.${FORM_ERRORS.has(form.errorCode) ? form.errorCode : 'other'}`
    : undefined;
  return (
    <section class="studio" aria-labelledby="studio-title">
      <h1 id="studio-title">{tr('studio.title')}</h1>
      {props.publicUrlProblem ? (
        <p class="form-error" role="status" id="public-url-warning">
          {tr('studio.warning.public-url', {
            publicUrl: props.publicUrlProblem.publicUrl,
            host: props.publicUrlProblem.host,
          })}
        </p>
      ) : null}
      <h2>{tr('studio.presses.title')}</h2>
      {props.presses.length === 0 ? (
        <p>{tr('studio.presses.empty')}</p>
      ) : (
        <StaffTable
          columns={[
            tr('studio.presses.name'),
            tr('studio.presses.slug'),
            tr('studio.presses.articles'),
            tr('studio.presses.keyPrefix'),
          ]}
        >
          {props.presses.map((p) => (
            <tr>
              <th scope="row">
                <a href={`/studio/presses/${p.slug}`}>{p.name}</a>
              </th>
              <td>
                <code>{p.slug}</code>
              </td>
              <td>{p.articleCount}</td>
              <td>{p.apiKeyPrefix ? <code>{p.apiKeyPrefix}…</code> : tr('studio.presses.noKey')}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      {props.canManage && (
        <form method="post" action="/studio/presses" class="studio-form" aria-labelledby="create-press">
          <h2 id="create-press">{tr('studio.presses.create')}</h2>
          {errorKey ? (
            <p class="form-error" role="alert" id="create-press-error">
              {tr(errorKey, { slug: form!.values.slug })}
            </p>
          ) : null}
          <CsrfField token={props.csrfToken} />
          <p>
            <label for="press-slug">{tr('studio.presses.slug')}</label>
            <input
              id="press-slug"
              name="slug"
              required
              pattern="[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?"
              aria-describedby="press-slug-hint"
              aria-invalid={form && form.errorCode !== 'INVALID_NAME' ? 'true' : undefined}
              value={form?.values.slug}
            />
            <small id="press-slug-hint" class="field-hint">
              {tr('studio.presses.slugHint')}
            </small>
          </p>
          <p>
            <label for="press-name">{tr('studio.presses.name')}</label>
            <input
              id="press-name"
              name="name"
              required
              value={form?.values.name}
              aria-invalid={form?.errorCode === 'INVALID_NAME' ? 'true' : undefined}
            />
          </p>
          <p>
            <label for="press-name-en">{tr('studio.presses.nameEn')}</label>
            <input id="press-name-en" name="nameEn" value={form?.values.nameEn} />
          </p>
          <p>
            <label for="press-homepage">{tr('studio.presses.homepage')}</label>
            <input
              id="press-homepage"
              name="homepage"
              type="url"
              placeholder="https://"
              value={form?.values.homepage}
            />
          </p>
          <p>
            <button type="submit">{tr('studio.presses.createSubmit')}</button>
          </p>
        </form>
      )}
    </section>
  );
}

export interface PressArticlesProps {
  locale: Locale;
  press: { slug: string; name: string; api_key_prefix: string | null };
  rows: StudioArticleRow[];
  page: number;
  hasMore: boolean;
  /** Base path of this list (/studio for press staff, /studio/presses/:slug otherwise). */
  basePath: string;
  canManage: boolean;
  csrfToken: string;
  /** The press's automatic-summary switch, for those who may change it (its staff, admins). */
  summaries?: { enabled: boolean; saved: boolean };
}

export function PressArticlesView(props: PressArticlesProps) {
  const tr = translator(props.locale);
  const pageHref = (n: number) => (n === 1 ? props.basePath : `${props.basePath}?page=${n}`);
  return (
    <section class="studio" aria-labelledby="studio-title">
      <h1 id="studio-title">{tr('studio.articles.title', { press: props.press.name })}</h1>
      <p class="studio-meta">
        <a href={`/press/${props.press.slug}`}>{tr('studio.articles.pressPage')}</a>
      </p>
      {props.rows.length === 0 ? (
        <p>{tr('studio.articles.empty')}</p>
      ) : (
        <StaffTable
          columns={[
            tr('studio.articles.headline'),
            tr('studio.articles.status'),
            tr('studio.articles.revisions'),
            tr('studio.articles.updated'),
            tr('studio.articles.page'),
          ]}
        >
          {props.rows.map((a) => (
            <tr>
              <th scope="row">
                <a href={`/studio/articles/${a.id}`}>{a.headline}</a>
              </th>
              <td class={`status status--${a.status}`}>{tr(`studio.status.${a.status}`)}</td>
              <td>{a.revisionCount}</td>
              <td>
                <time dateTime={new Date(a.updatedAt).toISOString()}>{dateTime(props.locale, a.updatedAt)}</time>
              </td>
              <td>
                <a href={`/articles/${a.id}`} aria-label={tr('studio.articles.viewLabel', { headline: a.headline })}>
                  {tr('studio.articles.view')}
                </a>
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <StaffPager locale={props.locale} page={props.page} hasMore={props.hasMore} href={pageHref} />
      {props.summaries ? (
        <SummarySettingForm
          locale={props.locale}
          pressSlug={props.press.slug}
          csrfToken={props.csrfToken}
          {...props.summaries}
        />
      ) : null}
      {props.canManage && (
        <form method="post" action={`/studio/presses/${props.press.slug}/rotate-key`} class="studio-form">
          <CsrfField token={props.csrfToken} />
          <p>
            {tr('studio.presses.keyPrefix')}:{' '}
            {props.press.api_key_prefix ? <code>{props.press.api_key_prefix}…</code> : tr('studio.presses.noKey')}
          </p>
          <p>{tr('studio.presses.rotateWarning')}</p>
          <p>
            {/* The browser asks for this box before the key that presses use right now stops working. */}
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required /> {tr('studio.presses.rotateConfirm')}
            </label>
          </p>
          <p>
            <button type="submit" class="button button--danger">
              {tr('studio.presses.rotate')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

const KNOWN_PUBSTATUS = new Set(['usable', 'withdrawn', 'canceled']);

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function SummarySettingForm(props: {
  locale: Locale;
  pressSlug: string;
  csrfToken: string;
  enabled: boolean;
  saved: boolean;
}) {
  const tr = translator(props.locale);
  return (
    <form
      method="post"
      action={`/studio/presses/${props.pressSlug}/summaries`}
      class="studio-form"
      aria-labelledby="summary-setting-title"
    >
      <CsrfField token={props.csrfToken} />
      <h2 id="summary-setting-title">{tr('summary.setting.title')}</h2>
      {props.saved ? (
        <p class="form-ok" role="status">
          {tr('summary.setting.saved')}
        </p>
      ) : null}
      <p>{tr(props.enabled ? 'summary.setting.on' : 'summary.setting.off')}</p>
      <p>
        <label class="check">
          <input type="checkbox" name="enabled" checked={props.enabled} aria-describedby="summary-setting-help" />{' '}
          {tr('summary.setting.label')}
        </label>
      </p>
      <p id="summary-setting-help" class="studio-meta">
        {tr('summary.setting.help')}
      </p>
      <p>
        <button type="submit" class="button">
          {tr('summary.setting.save')}
        </button>
      </p>
    </form>
  );
}

function BreakingForm({ locale, article, csrfToken }: { locale: Locale; article: StudioArticle; csrfToken: string }) {
  const tr = translator(locale);
  const urgent = article.urgency !== null && article.urgency <= 2;
  return (
    <form
      method="post"
      action={`/studio/articles/${article.id}/breaking`}
      class="studio-form"
      aria-labelledby="breaking-title"
    >
      <CsrfField token={csrfToken} />
      <h2 id="breaking-title">{tr('studio.breaking.title')}</h2>
      <p>
        {tr(
          article.breakingFlagged
            ? 'studio.breaking.flagged'
            : urgent
              ? 'studio.breaking.urgent'
              : 'studio.breaking.none',
          {
            urgency: article.urgency ?? '',
          },
        )}
      </p>
      <input type="hidden" name="breaking" value={article.breakingFlagged ? 'off' : 'on'} />
      <p>
        <button type="submit" class="button">
          {tr(article.breakingFlagged ? 'studio.breaking.unflag' : 'studio.breaking.flag')}
        </button>
      </p>
    </form>
  );
}

export function ArticleDetailView({
  locale,
  article,
  backHref,
  csrfToken,
}: {
  locale: Locale;
  article: StudioArticle;
  backHref: string;
  /** Set when this staff member may flag the article 속보. */
  csrfToken?: string;
}) {
  const tr = translator(locale);
  return (
    <article class="studio" aria-labelledby="studio-title">
      <p>
        <a class="back-link" href={backHref}>
          <span aria-hidden="true">← </span>
          {tr('studio.article.backToList')}
        </a>
      </p>
      <h1 id="studio-title">{article.headline}</h1>
      <p class="studio-meta">
        {article.pressName} ·{' '}
        <span class={`status status--${article.status}`}>{tr(`studio.status.${article.status}`)}</span> ·{' '}
        <a href={`/articles/${article.id}`}>{tr('studio.articles.page')}</a>
      </p>
      {csrfToken && article.status === 'usable' ? (
        <BreakingForm locale={locale} article={article} csrfToken={csrfToken} />
      ) : null}
      <h2>{tr('studio.article.revisions')}</h2>
      {article.revisions.map((r) => (
        <section class="revision" aria-labelledby={`rev-${r.revision}`}>
          <h3 id={`rev-${r.revision}`}>{tr('studio.article.revision', { n: r.revision })}</h3>
          <dl>
            <dt>{tr('studio.article.received')}</dt>
            <dd>
              <time dateTime={new Date(r.receivedAt).toISOString()}>{dateTime(locale, r.receivedAt)}</time>
            </dd>
            <dt>{tr('studio.article.source')}</dt>
            <dd>{tr(`studio.source.${r.source}`)}</dd>
            <dt>{tr('studio.article.pubstatus')}</dt>
            {/* In the reader's words; the press's raw value is in the original payload below, and
                shown here only when it is one we have no words for. */}
            <dd>
              {KNOWN_PUBSTATUS.has(r.pubstatus) ? tr(`studio.pubstatus.${r.pubstatus}`) : <code>{r.pubstatus}</code>}
            </dd>
          </dl>
          <h4>{tr('studio.article.original')}</h4>
          {/* Scrollable region: keyboard users need to reach it (tabIndex) to scroll it. */}
          <pre class="payload" tabIndex={0}>
            <code>{prettyJson(r.original)}</code>
          </pre>
        </section>
      ))}
    </article>
  );
}

export function NewKeyView({
  locale,
  press,
  apiKey,
}: {
  locale: Locale;
  press: { slug: string; name: string };
  apiKey: string;
}) {
  const tr = translator(locale);
  return (
    <section class="studio" aria-labelledby="studio-title">
      <h1 id="studio-title">{tr('studio.key.title')}</h1>
      <p>{tr('studio.key.for', { press: press.name })}</p>
      <p role="alert" class="key-warning">
        {tr('studio.key.once')}
      </p>
      <p>
        <code class="api-key">{apiKey}</code>
      </p>
      <p>
        <a class="back-link" href={`/studio/presses/${press.slug}`}>
          <span aria-hidden="true">← </span>
          {tr('studio.key.back')}
        </a>
      </p>
    </section>
  );
}
