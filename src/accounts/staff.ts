// Staff as a principal kind: how a session's staff member is loaded (declared in capability.ts).
import type { PrincipalKind } from '../capability.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';

export const STAFF = 'staff';

export interface StaffAccount {
  userId: number;
  email: string;
  displayName: string | null;
  role: Role;
  /** Set for role "press" only. */
  press: { id: number; slug: string; name: string } | null;
}

/** A signed-in staff member: the account plus the session it is using. */
export interface Staff extends StaffAccount {
  sessionId: string;
  csrfToken: string;
}

/** The staff account, or null when it is disabled or a press account's press is gone. */
export async function loadStaffAccount(db: Db, userId: number): Promise<StaffAccount | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('presses', 'presses.id', 'users.press_id')
    .select([
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.disabled',
      'presses.id as press_id',
      'presses.slug as press_slug',
      'presses.name as press_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  // A press account whose press was deleted has nothing left to see.
  if (row.role === 'press' && row.press_id == null) return null;
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    press:
      row.role === 'press' && row.press_id != null
        ? { id: row.press_id, slug: row.press_slug!, name: row.press_name! }
        : null,
  };
}

export const staffPrincipal: PrincipalKind<StaffAccount> = {
  kind: STAFF,
  load: loadStaffAccount,
  passwordSignIn: {
    async find(db, email) {
      const row = await db
        .selectFrom('users')
        .select(['id', 'password_hash', 'disabled'])
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row ? { id: row.id, passwordHash: row.password_hash, maySignIn: !row.disabled } : null;
    },
    home: '/studio',
  },
};
