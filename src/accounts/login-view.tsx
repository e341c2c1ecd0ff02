// The one sign-in form for staff and readers. Errors are announced (role="alert") and the e-mail is kept; the password never is.
import { translator, type Locale } from '../web/i18n/index.ts';
import { CsrfField } from '../auth/csrf.tsx';

export interface LoginViewProps {
  locale: Locale;
  csrfToken: string;
  next: string;
  email?: string;
  error?: string;
  /** Other ways to sign in the principal kinds offer (src/capability.ts `otherSignIns`). */
  otherSignIns?: Array<{ href: string; label: string }>;
  /** A confirmation to show above the form (e.g. after a password reset). */
  notice?: string;
}

export function LoginView({ locale, csrfToken, next, email, error, otherSignIns = [], notice }: LoginViewProps) {
  const tr = translator(locale);
  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">{tr('accounts.login.title')}</h1>
      <p>{tr('accounts.login.intro')}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/login" class="login-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label for="login-email">{tr('accounts.login.email')}</label>
          <input id="login-email" name="email" type="email" autocomplete="username" required value={email ?? ''} />
        </p>
        <p>
          <label for="login-password">{tr('accounts.login.password')}</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p class="login-form__remember">
          <input id="login-remember" name="remember" type="checkbox" value="1" />
          <label for="login-remember">{tr('accounts.login.remember')}</label>
        </p>
        <p>
          <button type="submit">{tr('accounts.login.submit')}</button>
        </p>
      </form>
      <ul class="login__links">
        <li>
          <a href="/password-reset">{tr('accounts.login.forgot')}</a>
        </li>
        <li>
          <a href="/signup">{tr('accounts.login.signup')}</a>
        </li>
        {otherSignIns.map((o) => (
          <li>
            <a href={o.href}>{o.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
