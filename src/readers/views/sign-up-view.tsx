// /signup: e-mail, password, nickname and consent to the terms and the privacy notice.
import { CsrfField } from '../../auth/csrf.tsx';
import { translator, type Locale } from '../../web/i18n/index.ts';
import { issueFor, type FormProblem } from '../page.tsx';
import { Card, Field, ProblemSummary } from './form-parts.tsx';

export interface SignUpViewProps {
  locale: Locale;
  csrfToken: string;
  values?: { email?: string; nickname?: string; terms?: boolean; privacy?: boolean };
  problem?: FormProblem;
  oidcName?: string;
}

export function SignUpView({ locale, csrfToken, values = {}, problem, oidcName }: SignUpViewProps) {
  const tr = translator(locale);
  const consentError = issueFor(problem, 'consent');
  return (
    <Card id="signup-title" title={tr('readers.signup.title')} intro={tr('readers.signup.intro')}>
      <ProblemSummary problem={problem} heading={tr('readers.form.fix')} />
      <form method="post" action="/signup" class="login-form reader-form" novalidate>
        <CsrfField token={csrfToken} />
        <Field
          id="signup-email"
          name="email"
          type="email"
          label={tr('readers.field.email')}
          autocomplete="email"
          required
          value={values.email}
          error={issueFor(problem, 'email')}
          maxLength={254}
        />
        <Field
          id="signup-password"
          name="password"
          type="password"
          label={tr('readers.field.password')}
          autocomplete="new-password"
          required
          hint={tr('readers.signup.password-hint')}
          error={issueFor(problem, 'password')}
        />
        <Field
          id="signup-nickname"
          name="nickname"
          label={tr('readers.field.nickname')}
          autocomplete="nickname"
          required
          value={values.nickname}
          hint={tr('readers.signup.nickname-hint')}
          error={issueFor(problem, 'nickname')}
          maxLength={20}
        />
        <fieldset class="consent" aria-describedby={consentError ? 'signup-consent-error' : undefined}>
          <legend>{tr('readers.signup.consent')}</legend>
          <p>
            <input id="signup-terms" name="terms" type="checkbox" value="1" checked={values.terms} required />
            <label for="signup-terms">
              {tr('readers.signup.agree-terms-before')}
              <a href="/terms" target="_blank" rel="noopener">
                {tr('readers.terms.title')}
              </a>
              {tr('readers.signup.agree-after')}
            </label>
          </p>
          <p>
            <input id="signup-privacy" name="privacy" type="checkbox" value="1" checked={values.privacy} required />
            <label for="signup-privacy">
              {tr('readers.signup.agree-privacy-before')}
              <a href="/privacy" target="_blank" rel="noopener">
                {tr('readers.privacy.title')}
              </a>
              {tr('readers.signup.agree-after')}
            </label>
          </p>
          {consentError ? (
            <p class="field__error" id="signup-consent-error">
              {consentError}
            </p>
          ) : null}
        </fieldset>
        <p>
          <button type="submit">{tr('readers.signup.submit')}</button>
        </p>
      </form>
      <ul class="login__links">
        <li>
          <a href="/login">{tr('readers.signup.have-account')}</a>
        </li>
        {oidcName ? (
          <li>
            <a href="/readers/oidc/start" aria-describedby="signup-oidc-consent">
              {tr('readers.oidc.sign-in-with', { name: oidcName })}
            </a>
            <span class="field__hint" id="signup-oidc-consent">
              {tr('readers.oidc.consent')}
            </span>
          </li>
        ) : null}
      </ul>
    </Card>
  );
}
