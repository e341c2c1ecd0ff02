// Staff users: creation (CLI and tests) and the look-ups sign-in needs.
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import type { Role, User } from '../db/schema.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';

export const ROLES: readonly Role[] = ['admin', 'editor', 'press'];

export interface NewStaffUser {
  email: string;
  password: string;
  role: Role;
  /** Required for role "press": the one press this person works for. */
  pressSlug?: string;
  displayName?: string;
}

/** E-mail addresses compare case-insensitively; store and look up one canonical form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(deps: Pick<AppDeps, 'db'>, input: NewStaffUser): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw Errors.invalidEmail(input.email);
  if (!ROLES.includes(input.role)) {
    throw Errors.invalidRole(input.role, ROLES);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw Errors.weakPassword(MIN_PASSWORD_LENGTH);
  }
  let pressId: number | null = null;
  if (input.role === 'press') {
    if (!input.pressSlug) throw Errors.pressRequired();
    const press = await deps.db
      .selectFrom('presses')
      .select('id')
      .where('slug', '=', input.pressSlug)
      .executeTakeFirst();
    if (!press) throw Errors.pressNotFound(input.pressSlug);
    pressId = press.id;
  } else if (input.pressSlug) {
    throw Errors.pressNotAllowed(input.role);
  }
  const existing = await findUserByEmail(deps, email);
  if (existing) throw Errors.userExists(email);
  const password_hash = await hashPassword(input.password);
  return deps.db
    .insertInto('users')
    .values({
      email,
      password_hash,
      role: input.role,
      press_id: pressId,
      display_name: input.displayName ?? null,
      disabled: 0,
      created_at: Date.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(deps: Pick<AppDeps, 'db'>, email: string): Promise<User | undefined> {
  return deps.db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}
