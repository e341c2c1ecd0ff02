// The pages e-mailed links open. Each posts the token back: opening a link (as mail scanners do)
// spends nothing, only the reader's click does.
import { CsrfField } from '../../auth/csrf.tsx';
import { translator, type Locale } from '../../web/i18n/index.ts';
import { issueFor, type FormProblem } from '../page.tsx';
import { Card, Field, ProblemSummary } from './form-parts.tsx';

export function VerifyEmailView({ locale, csrfToken, token }: { locale: Locale; csrfToken: string; token: string }) {
  const tr = translator(locale);
  return (
    <Card id="verify-title" title={tr('readers.verify.title')} intro={tr('readers.verify.intro')}>
      <form method="post" action="/verify-email" class="login-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <p>
          <button type="submit">{tr('readers.verify.submit')}</button>
        </p>
      </form>
    </Card>
  );
}

export function ResetRequestView({
  locale,
  csrfToken,
  email,
  problem,
}: {
  locale: Locale;
  csrfToken: string;
  email?: string;
  problem?: FormProblem;
}) {
  const tr = translator(locale);
  return (
    <Card id="reset-title" title={tr('readers.reset.title')} intro={tr('readers.reset.intro')}>
      <ProblemSummary problem={problem} heading={tr('readers.form.fix')} />
      <form method="post" action="/password-reset" class="login-form" novalidate>
        <CsrfField token={csrfToken} />
        <Field
          id="reset-email"
          name="email"
          type="email"
          label={tr('readers.field.email')}
          autocomplete="email"
          required
          value={email}
          error={issueFor(problem, 'email')}
        />
        <p>
          <button type="submit">{tr('readers.reset.submit')}</button>
        </p>
      </form>
    </Card>
  );
}

export function NewPasswordView({
  locale,
  csrfToken,
  token,
  problem,
}: {
  locale: Locale;
  csrfToken: string;
  token: string;
  problem?: FormProblem;
}) {
  const tr = translator(locale);
  return (
    <Card id="new-password-title" title={tr('readers.reset.new-title')} intro={tr('readers.reset.new-intro')}>
      <ProblemSummary problem={problem} heading={tr('readers.form.fix')} />
      <form method="post" action="/password-reset/new" class="login-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <Field
          id="new-password"
          name="password"
          type="password"
          label={tr('readers.field.new-password')}
          autocomplete="new-password"
          required
          hint={tr('readers.signup.password-hint')}
          error={issueFor(problem, 'password')}
        />
        <p>
          <button type="submit">{tr('readers.reset.new-submit')}</button>
        </p>
      </form>
    </Card>
  );
}
