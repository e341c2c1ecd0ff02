// GET /readers/oidc/start and /readers/oidc/callback: sign-in with the configured OpenID Connect
// provider (the flow and its checks are in oidc.ts). Errors come back as a page in the reader's
// language naming the provider.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from '../auth/cookies.ts';
import { createSession, deleteSessionByToken } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import { beginOidcSignIn, completeOidcSignIn, oidcErrorMessageKey } from './oidc.ts';
import { readerForIdentity } from './oidc-accounts.ts';
import { cachedOidcConfiguration, type OidcSettings } from './oidc-settings.ts';
import { decodeOidcState, encodeOidcState, OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS } from './oidc-state.ts';
import { sendReaderPage } from './page.tsx';
import { READER } from './reader.ts';
import { MessageView } from './views/message-view.tsx';

export const OIDC_CALLBACK_PATH = '/readers/oidc/callback';

export function oidcRoutes(settings: OidcSettings) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    // Built from the configured public URL, never the Host header: it must equal what the provider has registered.
    const redirectUri = `${deps.config.publicUrl}${OIDC_CALLBACK_PATH}`;

    function failure(request: FastifyRequest, reply: FastifyReply, err: unknown) {
      if (!(err instanceof AppError)) throw err;
      if (err.status >= 500) request.log.warn({ err }, 'OIDC sign-in failed');
      return sendReaderPage(request, reply, deps, (locale) => ({
        title: t(locale, 'readers.oidc.title', { name: settings.name }),
        status: err.status,
        body: (
          <MessageView
            id="oidc-title"
            title={t(locale, 'readers.oidc.title', { name: settings.name })}
            paragraphs={[t(locale, oidcErrorMessageKey(err.code), { name: settings.name })]}
            link={{ href: '/login', label: t(locale, 'readers.oidc.back') }}
          />
        ),
      }));
    }

    app.get('/readers/oidc/start', async (request, reply) => {
      try {
        const { url, saved } = await beginOidcSignIn(await cachedOidcConfiguration(settings), redirectUri);
        setCookie(request, reply, deps.config, OIDC_STATE_COOKIE, encodeOidcState(saved), OIDC_STATE_TTL_MS / 1000);
        return reply.redirect(url.href, 303);
      } catch (err) {
        return failure(request, reply, err);
      }
    });

    app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
      const saved = decodeOidcState(readCookie(request, OIDC_STATE_COOKIE));
      // One callback per start: the saved state goes before it is used.
      clearCookie(request, reply, deps.config, OIDC_STATE_COOKIE);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      try {
        const identity = await completeOidcSignIn(
          await cachedOidcConfiguration(settings),
          new URL(`${redirectUri}${query}`),
          saved,
        );
        const readerId = await readerForIdentity(deps, identity, requestLocale(request));
        const previous = readCookie(request, SESSION_COOKIE);
        if (previous) await deleteSessionByToken(deps, previous);
        const session = await createSession(
          deps,
          { kind: READER, id: readerId },
          { userAgent: request.headers['user-agent'], persistent: false },
        );
        setCookie(request, reply, deps.config, SESSION_COOKIE, session.token, undefined);
        request.log.info({ readerId }, 'reader signed in with OIDC');
        return reply.redirect('/', 303);
      } catch (err) {
        return failure(request, reply, err);
      }
    });
  };
}
