// Readers as a principal kind: how a session's reader is loaded, how /login finds one, and what
// other capabilities may ask of a signed-in reader (may they comment or react yet?).
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { PrincipalKind } from '../capability.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { type AppError, Errors } from '../errors.ts';
import { getPrincipal, type Principal } from '../auth/principal.ts';
import { isLocale, t, type Locale } from '../web/i18n/index.ts';
import type { ReaderRow } from './tables.ts';

export const READER = 'reader';

export interface ReaderAccount {
  id: number;
  email: string;
  emailVerified: boolean;
  nickname: string;
  locale: Locale;
  timeZone: string;
  hasPassword: boolean;
  createdAt: number;
  nicknameChangedAt: number | null;
  suspended: boolean;
}

/** A signed-in reader: the account plus the session it is using. */
export interface SignedInReader extends ReaderAccount {
  sessionId: string;
  csrfToken: string;
}

export function readerAccountOf(row: ReaderRow): ReaderAccount {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    nickname: row.nickname,
    locale: isLocale(row.locale) ? row.locale : 'ko',
    timeZone: row.time_zone,
    hasPassword: row.password_hash !== null,
    createdAt: Number(row.created_at),
    nicknameChangedAt: row.nickname_changed_at === null ? null : Number(row.nickname_changed_at),
    suspended: row.suspended_at !== null,
  };
}

export async function loadReaderAccount(db: Db, readerId: number): Promise<ReaderAccount | null> {
  const row = await db.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirst();
  return row ? readerAccountOf(row) : null;
}

/** Readers as a principal kind; `oidcName` names the identity provider offered under the sign-in form. */
export function readerPrincipalKind(oidcName: (deps: AppDeps) => string | undefined): PrincipalKind<ReaderAccount> {
  return {
    ...readerPrincipal,
    otherSignIns(deps, locale) {
      const name = oidcName(deps);
      return name ? [{ href: '/readers/oidc/start', label: t(locale, 'readers.oidc.sign-in-with', { name }) }] : [];
    },
  };
}

export const readerPrincipal: PrincipalKind<ReaderAccount> = {
  kind: READER,
  load: loadReaderAccount,
  passwordSignIn: {
    async find(db, email) {
      const row = await db
        .selectFrom('readers')
        .select(['id', 'password_hash'])
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      // A suspended reader still signs in (to read, export or delete); suspension blocks what comments decide.
      return row ? { id: row.id, passwordHash: row.password_hash, maySignIn: true } : null;
    },
    home: '/',
    // The footer's sign-in link is how a signed-in reader finds their account.
    signedInHome: '/account',
  },
};

function readerOfPrincipal(principal: Principal | null | undefined): SignedInReader | null {
  if (principal?.kind !== READER) return null;
  return {
    ...(principal.value as ReaderAccount),
    sessionId: principal.session.sessionId,
    csrfToken: principal.session.csrfToken,
  };
}

/** The reader behind the request's session (loaded once per request), or null. */
export async function getReader(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'registry'>,
): Promise<SignedInReader | null> {
  return readerOfPrincipal(await getPrincipal(request, deps));
}

export function readerSignInRequired(): AppError {
  return Errors.signInRequired('Please sign in to continue.');
}

/** Route guard: signed-in readers only; an anonymous page view goes to /login and comes back. */
export function requireReader(deps: Pick<AppDeps, 'db' | 'registry'>): preHandlerAsyncHookHandler {
  return async function readerGuard(request, reply) {
    if (await getReader(request, deps)) return;
    if (request.method === 'GET' || request.method === 'HEAD')
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    throw readerSignInRequired();
  };
}

/** For handlers behind requireReader. */
export function readerOf(request: FastifyRequest): SignedInReader {
  const reader = readerOfPrincipal(request.principal);
  if (!reader) throw readerSignInRequired();
  return reader;
}

export type ParticipationRefusal = 'unverified' | 'suspended' | 'new_account';

/**
 * Whether a reader may write where others read (comment, react). Reading and subscribing need
 * none of this. The comments capability adds what else a suspension blocks.
 */
export function readerParticipation(
  reader: Pick<ReaderAccount, 'emailVerified' | 'suspended' | 'createdAt'>,
  config: Pick<Config, 'newAccountWaitHours'>,
  now = Date.now(),
): { ok: true } | { ok: false; reason: ParticipationRefusal; until?: number } {
  if (reader.suspended) return { ok: false, reason: 'suspended' };
  if (!reader.emailVerified) return { ok: false, reason: 'unverified' };
  const until = reader.createdAt + config.newAccountWaitHours * 3_600_000;
  if (now < until) return { ok: false, reason: 'new_account', until };
  return { ok: true };
}
