// /account and what it posts to, plus the data export and account deletion. Every form is behind
// requireReader and CSRF; a failed form comes back with its errors, nothing half-changed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from '../auth/cookies.ts';
import { verifyCsrf } from '../auth/csrf.tsx';
import { createSession, deletePrincipalSessions, deleteSessionByToken } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import {
  changeEmail,
  changeNickname,
  changePassword,
  changePreferences,
  confirmPassword,
  nextNicknameChange,
} from './account.ts';
import { formProblem, sendReaderPage, type FormProblem } from './page.tsx';
import { deleteReaderAccount, exportReaderData } from './privacy.ts';
import { READER, readerOf, requireReader, type SignedInReader } from './reader.ts';
import { listReaderSessions, revokeReaderSession } from './sessions.ts';
import { resendVerification } from './verify-email.ts';
import { ACCOUNT_NOTICES, AccountView, DeleteAccountView, type AccountSection } from './views/account-view.tsx';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 2000) : '';
}

export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const signedIn = requireReader(deps);
  const guarded = { preHandler: [signedIn, verifyCsrf(deps)] };

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    failed?: { section: AccountSection; problem: FormProblem },
  ) {
    const reader = readerOf(request);
    const now = Date.now();
    const sessions = await listReaderSessions(deps.db, reader.id, reader.sessionId, now);
    const asked = (request.query as Record<string, unknown>).notice;
    const notice = ACCOUNT_NOTICES.find((n) => n === asked);
    return sendReaderPage(request, reply, deps, (locale) => ({
      title: t(locale, 'readers.account.title'),
      status: failed?.problem.status ?? 200,
      body: (
        <AccountView
          locale={locale}
          reader={reader}
          csrfToken={reader.csrfToken}
          sessions={sessions}
          timeZones={TIME_ZONES.includes(reader.timeZone) ? TIME_ZONES : [reader.timeZone, ...TIME_ZONES]}
          nicknameWaitUntil={nextNicknameChange(reader, now)}
          notice={failed ? undefined : notice}
          failed={failed}
          nav={deps.registry.readerNav}
          now={now}
        />
      ),
    }));
  }

  /** Runs a form's change; on an expected failure shows the account page with that section's errors. */
  function form(
    path: string,
    section: AccountSection,
    change: (reader: SignedInReader, request: FastifyRequest, reply: FastifyReply) => Promise<string | FastifyReply>,
  ) {
    app.post(path, guarded, async (request, reply) => {
      const reader = readerOf(request);
      let outcome: string | FastifyReply;
      try {
        outcome = await change(reader, request, reply);
      } catch (err) {
        return accountPage(request, reply, { section, problem: formProblem(err, reply, requestLocale(request)) });
      }
      return typeof outcome === 'string' ? reply.redirect(outcome, 303) : outcome;
    });
  }

  app.get('/account', { preHandler: signedIn }, (request, reply) => accountPage(request, reply));

  form('/account/nickname', 'nickname', async (reader, request) => {
    await changeNickname(deps, reader, request.body, requestLocale(request));
    return '/account?notice=nickname';
  });

  form('/account/email', 'email', async (reader, request) => {
    await changeEmail(deps, reader, request.body, { ip: request.ip, locale: requestLocale(request) });
    return '/account?notice=email-sent';
  });

  form('/account/verification', 'verification', async (reader, request) => {
    await resendVerification(deps, reader, request.ip);
    return '/account?notice=verification-sent';
  });

  form('/account/password', 'password', async (reader, request, reply) => {
    await changePassword(deps, reader, request.body, requestLocale(request));
    // A new password ends every other session, and this browser gets a fresh session id.
    const persistent = request.principal?.session.persistent ?? false;
    await deletePrincipalSessions(deps, { kind: READER, id: reader.id });
    const session = await createSession(
      deps,
      { kind: READER, id: reader.id },
      { userAgent: request.headers['user-agent'], persistent },
    );
    setCookie(
      request,
      reply,
      deps.config,
      SESSION_COOKIE,
      session.token,
      persistent ? deps.config.sessionDays * 86_400 : undefined,
    );
    return '/account?notice=password';
  });

  form('/account/preferences', 'preferences', async (reader, request) => {
    const locale = await changePreferences(deps, reader, request.body, requestLocale(request));
    // ?lang= makes the site's language follow the account's choice (the page remembers it).
    return `/account?notice=preferences&lang=${locale}`;
  });

  app.post('/account/sessions/revoke', guarded, async (request, reply) => {
    const reader = readerOf(request);
    const id = text(request.body, 'session');
    if (!/^[0-9a-f]{64}$/.test(id))
      throw Errors.validation([{ path: 'session', message: 'not a session id' }], 'No such session.');
    await revokeReaderSession(deps.db, reader.id, id);
    return reply.redirect('/account?notice=session-revoked', 303);
  });

  app.post('/account/sessions/end-all', guarded, async (request, reply) => {
    const reader = readerOf(request);
    await deletePrincipalSessions(deps, { kind: READER, id: reader.id });
    clearCookie(request, reply, deps.config, SESSION_COOKIE);
    return reply.redirect('/login?notice=signed-out-everywhere', 303);
  });

  app.get('/account/export', { preHandler: signedIn }, async (request, reply) => {
    const reader = readerOf(request);
    const data = await exportReaderData(deps, reader.id);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="sosik-account-${day}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  function deletePage(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const reader = readerOf(request);
    return sendReaderPage(request, reply, deps, (locale) => ({
      title: t(locale, 'readers.delete.title'),
      status: problem?.status ?? 200,
      body: (
        <DeleteAccountView
          locale={locale}
          csrfToken={reader.csrfToken}
          hasPassword={reader.hasPassword}
          problem={problem}
        />
      ),
    }));
  }

  app.get('/account/delete', { preHandler: signedIn }, (request, reply) => deletePage(request, reply));

  app.post('/account/delete', guarded, async (request, reply) => {
    const reader = readerOf(request);
    const locale = requestLocale(request);
    try {
      if (reader.hasPassword) await confirmPassword(deps, reader.id, text(request.body, 'current_password'), locale);
      else if (text(request.body, 'confirm_email').trim().toLowerCase() !== reader.email) {
        throw Errors.validation(
          [{ path: 'confirm_email', message: t(locale, 'readers.delete.email-mismatch') }],
          'The address does not match.',
        );
      }
    } catch (err) {
      return deletePage(request, reply, formProblem(err, reply, locale));
    }
    await deleteReaderAccount(deps, reader.id);
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await deleteSessionByToken(deps, token);
    clearCookie(request, reply, deps.config, SESSION_COOKIE);
    request.log.info({ readerId: reader.id }, 'reader account deleted');
    return reply.redirect('/login?notice=account-deleted', 303);
  });
}
