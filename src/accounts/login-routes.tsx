// GET/POST /login and POST /logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from '../auth/cookies.ts';
import { anonymousCsrfToken, verifyAnonymousCsrf, verifyCsrf } from '../auth/csrf.tsx';
import { getPrincipal } from '../auth/principal.ts';
import { safeRedirectPath } from '../auth/safe-path.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import { LoginView, type LoginViewProps } from './login-view.tsx';
import { createSession, deleteSessionByToken } from '../auth/sessions.ts';
import { checkSignIn } from './sign-in.ts';
import { sendStaffPage } from './staff-page.tsx';

/**
 * Only same-site paths (src/auth/safe-path.ts); back to /login itself would loop for a signed-in
 * visitor. Anything else: `fallback` (empty: the home of whoever signs in, staff to the studio,
 * readers to the front page).
 */
export function safeNext(raw: unknown, fallback = ''): string {
  const next = safeRedirectPath(raw, fallback);
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login#')) return fallback;
  return next;
}

/** Where /login sends a principal of this kind who is already signed in. */
function signedInHomeOf(deps: AppDeps, kind: string): string {
  const signIn = deps.registry.principals.get(kind)?.passwordSignIn;
  return signIn?.signedInHome ?? signIn?.home ?? '/';
}

/** Confirmations other pages send the visitor here with (?notice=…). */
const NOTICES = ['password-reset', 'signed-out-everywhere', 'account-deleted', 'email-verified'] as const;

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export async function loginRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const otherSignIns = (locale: Locale) =>
    [...deps.registry.principals.values()].flatMap((k) => k.otherSignIns?.(deps, locale) ?? []);

  async function sendLoginPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    view: Omit<LoginViewProps, 'locale' | 'csrfToken'>,
  ) {
    const csrfToken = await anonymousCsrfToken(request, reply, deps);
    return sendStaffPage(request, reply, deps, (locale) => ({
      title: t(locale, 'accounts.login.title'),
      status,
      body: <LoginView locale={locale} csrfToken={csrfToken} otherSignIns={otherSignIns(locale)} {...view} />,
    }));
  }

  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    // Signed in and sent here by a guard (next=…): this account may not open that page, so the
    // form is shown to sign in as someone else; redirecting back would loop.
    const principal = await getPrincipal(request, deps);
    if (principal && !next) return reply.redirect(signedInHomeOf(deps, principal.kind), 303);
    const asked = (request.query as Record<string, unknown>).notice;
    const notice = NOTICES.find((n) => n === asked);
    return sendLoginPage(request, reply, 200, {
      next,
      notice: notice ? t(requestLocale(request), `accounts.login.notice.${notice}`) : undefined,
    });
  });

  app.post('/login', async (request, reply) => {
    await verifyAnonymousCsrf(request, deps);
    const locale = requestLocale(request);
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    const next = safeNext(field(request.body, 'next'));
    // "Remember me": the cookie outlives the browser for SOSIK_SESSION_DAYS; otherwise it ends with it.
    const remember = field(request.body, 'remember') === '1';
    if (!email || !password) {
      return sendLoginPage(request, reply, 400, { next, email, error: t(locale, 'accounts.login.missing') });
    }
    const result = await checkSignIn(deps, email, password, request.ip);
    if (!result.ok && result.reason === 'rate-limited') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return sendLoginPage(request, reply, 429, {
        next,
        email,
        error: t(locale, 'accounts.login.rateLimited', { minutes }),
      });
    }
    if (!result.ok)
      return sendLoginPage(request, reply, 401, { next, email, error: t(locale, 'accounts.login.failed') });

    // Rotation: whatever session this browser carried before is ended, and a fresh id is issued.
    const previous = readCookie(request, SESSION_COOKIE);
    if (previous) await deleteSessionByToken(deps, previous);
    const session = await createSession(deps, result.principal, {
      userAgent: request.headers['user-agent'],
      persistent: remember,
    });
    setCookie(
      request,
      reply,
      deps.config,
      SESSION_COOKIE,
      session.token,
      remember ? deps.config.sessionDays * 86_400 : undefined,
    );
    request.log.info({ principal: result.principal }, 'signed in');
    return reply.redirect(next || result.home, 303);
  });

  app.post('/logout', async (request, reply) => {
    const token = readCookie(request, SESSION_COOKIE);
    // Without a live session there is nothing to protect: just drop the stale cookie.
    if (await getPrincipal(request, deps)) await verifyCsrf(deps).call(app, request, reply);
    if (token) await deleteSessionByToken(deps, token);
    clearCookie(request, reply, deps.config, SESSION_COOKIE);
    return reply.redirect('/', 303);
  });
}
