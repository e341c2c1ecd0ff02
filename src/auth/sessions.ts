// Sessions live in the database so every web process shares them. The cookie carries a random
// token; the table keeps only its sha256, so a copy of the database opens no live session. A
// session belongs to a principal (who signed in), named by kind and id: the capability that owns
// that kind of account loads it (src/capability.ts `PrincipalKind`), the kernel never does.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';

export interface PrincipalRef {
  kind: string;
  id: number;
}

export interface SessionInfo {
  /** sha256 of the cookie token (the row id). */
  sessionId: string;
  principal: PrincipalRef;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  userAgent: string | null;
  persistent: boolean;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Last use is recorded at most this often, so reading pages does not mean writing a row each time. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface SessionOptions {
  userAgent?: string;
  /** False: the cookie ends with the browser (the row still expires after SOSIK_SESSION_DAYS). */
  persistent?: boolean;
  now?: number;
}

export async function createSession(
  deps: Pick<AppDeps, 'db' | 'config'>,
  principal: PrincipalRef,
  options: SessionOptions = {},
): Promise<NewSession> {
  const now = options.now ?? Date.now();
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = now + deps.config.sessionDays * 86_400_000;
  await deps.db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      principal_kind: principal.kind,
      principal_id: principal.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      user_agent: options.userAgent?.slice(0, 300) ?? null,
      persistent: options.persistent === false ? 0 : 1,
    })
    .execute();
  // Housekeeping on a rare path: this principal's expired sessions go when they sign in again.
  await deps.db
    .deleteFrom('sessions')
    .where('principal_kind', '=', principal.kind)
    .where('principal_id', '=', principal.id)
    .where('expires_at', '<=', now)
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session behind a cookie token, or null (malformed, unknown or expired). */
export async function findSession(
  deps: Pick<AppDeps, 'db'>,
  token: string,
  now = Date.now(),
): Promise<SessionInfo | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await deps.db.selectFrom('sessions').selectAll().where('id', '=', sessionIdOf(token)).executeTakeFirst();
  if (!row || Number(row.expires_at) <= now) return null;
  if (now - Number(row.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return {
    sessionId: row.id,
    principal: { kind: row.principal_kind, id: row.principal_id },
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    lastSeenAt: Number(row.last_seen_at),
    userAgent: row.user_agent,
    persistent: row.persistent === 1,
  };
}

export async function deleteSessionByToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await deps.db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}

/** Ends every session of a principal (sign out everywhere, password reset, account deleted). */
export async function deletePrincipalSessions(
  deps: Pick<AppDeps, 'db'>,
  principal: PrincipalRef,
  exceptSessionId?: string,
): Promise<void> {
  await deps.db
    .deleteFrom('sessions')
    .where('principal_kind', '=', principal.kind)
    .where('principal_id', '=', principal.id)
    .$if(exceptSessionId !== undefined, (qb) => qb.where('id', '!=', exceptSessionId!))
    .execute();
}
