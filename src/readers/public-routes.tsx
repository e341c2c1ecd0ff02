// The signed-out side of reader accounts: /signup, the verification link, and password reset.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, verifyCsrf } from '../auth/csrf.tsx';
import { getPrincipal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import { t } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import { formProblem, sendReaderPage, type FormProblem } from './page.tsx';
import { checkResetLink, completePasswordReset, requestPasswordReset, RESET_MINUTES } from './password-reset.ts';
import { signUp } from './sign-up.ts';
import { tokenRefusalMessageKey, type TokenRefusal } from './tokens.ts';
import { verifyEmail } from './verify-email.ts';
import { MessageView } from './views/message-view.tsx';
import { SignUpView } from './views/sign-up-view.tsx';
import { NewPasswordView, ResetRequestView, VerifyEmailView } from './views/token-forms.tsx';

function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 2000) : '';
}

function queryToken(request: FastifyRequest): string {
  const token = (request.query as Record<string, unknown>).token;
  return typeof token === 'string' ? token.slice(0, 100) : '';
}

export function publicRoutes(oidcName: string | undefined) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    const csrf = verifyCsrf(deps);

    async function signUpPage(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
      const token = await csrfToken(request, reply, deps);
      const body = request.body;
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.signup.title'),
        status: problem?.status ?? 200,
        body: (
          <SignUpView
            locale={locale}
            csrfToken={token}
            problem={problem}
            oidcName={oidcName}
            values={
              problem
                ? {
                    email: text(body, 'email'),
                    nickname: text(body, 'nickname'),
                    terms: text(body, 'terms') === '1',
                    privacy: text(body, 'privacy') === '1',
                  }
                : {}
            }
          />
        ),
      }));
    }

    function refusedLink(
      request: FastifyRequest,
      reply: FastifyReply,
      reason: TokenRefusal | 'email_taken',
      again: string,
    ) {
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.link.title'),
        status: reason === 'invalid' ? 404 : 410,
        body: (
          <MessageView
            id="link-title"
            title={t(locale, 'readers.link.title')}
            paragraphs={[
              t(locale, reason === 'email_taken' ? 'readers.verify.email-taken' : tokenRefusalMessageKey(reason)),
            ]}
            link={{ href: again, label: t(locale, 'readers.link.again') }}
          />
        ),
      }));
    }

    app.get('/signup', async (request, reply) => {
      if (await getPrincipal(request, deps)) return reply.redirect('/account', 303);
      return signUpPage(request, reply);
    });

    app.post('/signup', { preHandler: csrf }, async (request, reply) => {
      const locale = requestLocale(request);
      try {
        await signUp(deps, request.body, { ip: request.ip, locale });
      } catch (err) {
        return signUpPage(request, reply, formProblem(err, reply, locale));
      }
      // The same answer whether the address was new or already had an account.
      return reply.redirect('/signup/sent', 303);
    });

    app.get('/signup/sent', async (request, reply) =>
      sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.signup.sent-title'),
        body: (
          <MessageView
            id="sent-title"
            title={t(locale, 'readers.signup.sent-title')}
            paragraphs={[t(locale, 'readers.signup.sent'), t(locale, 'readers.signup.sent-spam')]}
            link={{ href: '/login', label: t(locale, 'readers.signup.have-account') }}
          />
        ),
      })),
    );

    app.get('/verify-email', async (request, reply) => {
      const token = await csrfToken(request, reply, deps);
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.verify.title'),
        body: <VerifyEmailView locale={locale} csrfToken={token} token={queryToken(request)} />,
      }));
    });

    app.post('/verify-email', { preHandler: csrf }, async (request, reply) => {
      const result = await verifyEmail(deps, text(request.body, 'token'));
      if (!result.ok) return refusedLink(request, reply, result.reason, '/account');
      const principal = await getPrincipal(request, deps);
      return reply.redirect(principal ? '/account?notice=email-verified' : '/login?notice=email-verified', 303);
    });

    async function resetPage(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
      const token = await csrfToken(request, reply, deps);
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.reset.title'),
        status: problem?.status ?? 200,
        body: (
          <ResetRequestView
            locale={locale}
            csrfToken={token}
            problem={problem}
            email={problem ? text(request.body, 'email') : ''}
          />
        ),
      }));
    }

    app.get('/password-reset', (request, reply) => resetPage(request, reply));

    app.post('/password-reset', { preHandler: csrf }, async (request, reply) => {
      const locale = requestLocale(request);
      try {
        await requestPasswordReset(deps, request.body, { ip: request.ip, locale });
      } catch (err) {
        return resetPage(request, reply, formProblem(err, reply, locale));
      }
      // One page for registered and unknown addresses alike: same status, same bytes.
      return sendReaderPage(request, reply, deps, (l) => ({
        title: t(l, 'readers.reset.sent-title'),
        body: (
          <MessageView
            id="reset-sent-title"
            title={t(l, 'readers.reset.sent-title')}
            paragraphs={[t(l, 'readers.reset.sent', { minutes: RESET_MINUTES }), t(l, 'readers.signup.sent-spam')]}
            link={{ href: '/login', label: t(l, 'readers.reset.back') }}
          />
        ),
      }));
    });

    async function newPasswordPage(request: FastifyRequest, reply: FastifyReply, token: string, problem?: FormProblem) {
      const csrfValue = await csrfToken(request, reply, deps);
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.reset.new-title'),
        status: problem?.status ?? 200,
        body: <NewPasswordView locale={locale} csrfToken={csrfValue} token={token} problem={problem} />,
      }));
    }

    app.get('/password-reset/new', async (request, reply) => {
      const token = queryToken(request);
      const link = await checkResetLink(deps, token);
      if (!link.ok) return refusedLink(request, reply, link.reason, '/password-reset');
      return newPasswordPage(request, reply, token);
    });

    app.post('/password-reset/new', { preHandler: csrf }, async (request, reply) => {
      const locale = requestLocale(request);
      const token = text(request.body, 'token');
      let result: Awaited<ReturnType<typeof completePasswordReset>>;
      try {
        result = await completePasswordReset(deps, token, { password: text(request.body, 'password') }, locale);
      } catch (err) {
        return newPasswordPage(request, reply, token, formProblem(err, reply, locale));
      }
      if (!result.ok) return refusedLink(request, reply, result.reason, '/password-reset');
      return reply.redirect('/login?notice=password-reset', 303);
    });
  };
}
