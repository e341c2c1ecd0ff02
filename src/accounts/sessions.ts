// Staff sessions live in the database so every web process shares them. The cookie carries a
// random token; the table keeps only its sha256, so a copy of the database opens no live session.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import type { Role } from '../db/schema.ts';

export interface Staff {
  userId: number;
  email: string;
  displayName: string | null;
  role: Role;
  /** Set for role "press" only. */
  press: { id: number; slug: string; name: string } | null;
  sessionId: string;
  csrfToken: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

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

export async function createSession(deps: Pick<AppDeps, 'db' | 'config'>, userId: number, now = Date.now()): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = now + deps.config.sessionDays * 86_400_000;
  await deps.db
    .insertInto('sessions')
    .values({ id: sessionIdOf(token), user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt })
    .execute();
  // Housekeeping on a rare path: this user's expired sessions go when they sign in again.
  await deps.db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
  return { token, csrfToken, expiresAt };
}

/** The signed-in staff member behind a cookie token, or null (unknown, expired, or disabled account). */
export async function findStaffBySessionToken(deps: Pick<AppDeps, 'db'>, token: string, now = Date.now()): Promise<Staff | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('presses', 'presses.id', 'users.press_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.disabled',
      'presses.id as press_id',
      'presses.slug as press_slug',
      'presses.name as press_name',
    ])
    .where('sessions.id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row || Number(row.expires_at) <= now || row.disabled) return null;
  // A press account whose press was deleted has nothing left to see.
  if (row.role === 'press' && row.press_id == null) return null;
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    press: row.role === 'press' && row.press_id != null ? { id: row.press_id, slug: row.press_slug!, name: row.press_name! } : null,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSessionByToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await deps.db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}
