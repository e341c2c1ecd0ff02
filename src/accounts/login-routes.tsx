// GET/POST /login and POST /logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from '../auth/cookies.ts';
import { anonymousCsrfToken, verifyAnonymousCsrf, verifyCsrf } from '../auth/csrf.tsx';
import { getStaff } from './guards.ts';
import { STAFF } from './staff.ts';
import { safeRedirectPath } from '../auth/safe-path.ts';
import { t } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import { LoginView, type LoginViewProps } from './login-view.tsx';
import { createSession, deleteSessionByToken } from '../auth/sessions.ts';
import { checkSignIn } from './sign-in.ts';
import { sendStaffPage } from './staff-page.tsx';

const DEFAULT_AFTER_LOGIN = '/studio';

/** Only same-site paths (safe-path.ts); back to /login itself would loop for a signed-in visitor. */
export function safeNext(raw: unknown): string {
  const next = safeRedirectPath(raw, DEFAULT_AFTER_LOGIN);
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login#')) return DEFAULT_AFTER_LOGIN;
  return next;
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export async function loginRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
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
      body: <LoginView locale={locale} csrfToken={csrfToken} {...view} />,
    }));
  }

  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (await getStaff(request, deps)) return reply.redirect(next, 303);
    return sendLoginPage(request, reply, 200, { next });
  });

  app.post('/login', async (request, reply) => {
    await verifyAnonymousCsrf(request, deps);
    const locale = requestLocale(request);
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    const next = safeNext(field(request.body, 'next'));
    if (!email || !password) {
      return sendLoginPage(request, reply, 400, { next, email, error: t(locale, 'accounts.login.missing') });
    }
    const result = await checkSignIn(deps, email, password, request.ip);
    if (!result.ok && result.reason === 'rate-limited') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return sendLoginPage(request, reply, 429, { next, email, error: t(locale, 'accounts.login.rateLimited', { minutes }) });
    }
    if (!result.ok) return sendLoginPage(request, reply, 401, { next, email, error: t(locale, 'accounts.login.failed') });

    // Rotation: whatever session this browser carried before is ended, and a fresh id is issued.
    const previous = readCookie(request, SESSION_COOKIE);
    if (previous) await deleteSessionByToken(deps, previous);
    const session = await createSession(deps, { kind: STAFF, id: result.user.id }, { userAgent: request.headers['user-agent'] });
    setCookie(request, reply, deps.config, SESSION_COOKIE, session.token, deps.config.sessionDays * 86_400);
    request.log.info({ userId: result.user.id, role: result.user.role }, 'staff signed in');
    return reply.redirect(next, 303);
  });

  app.post('/logout', async (request, reply) => {
    const token = readCookie(request, SESSION_COOKIE);
    // Without a live session there is nothing to protect: just drop the stale cookie.
    if (await getStaff(request, deps)) await verifyCsrf(deps).call(app, request, reply);
    if (token) await deleteSessionByToken(deps, token);
    clearCookie(request, reply, deps.config, SESSION_COOKIE);
    return reply.redirect('/', 303);
  });
}
