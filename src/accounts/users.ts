// Staff users: creation (CLI and tests) and the look-ups sign-in needs.
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
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
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AppError('INVALID_EMAIL', 422, `"${input.email}" is not an e-mail address.`);
  if (!ROLES.includes(input.role)) {
    throw new AppError('INVALID_ROLE', 422, `Role must be one of ${ROLES.join(', ')}; got "${input.role}".`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('WEAK_PASSWORD', 422, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  let pressId: number | null = null;
  if (input.role === 'press') {
    if (!input.pressSlug) throw new AppError('PRESS_REQUIRED', 422, 'Press staff must belong to a press (--press <slug>).');
    const press = await deps.db.selectFrom('presses').select('id').where('slug', '=', input.pressSlug).executeTakeFirst();
    if (!press) throw new AppError('PRESS_NOT_FOUND', 404, `No press with slug "${input.pressSlug}".`);
    pressId = press.id;
  } else if (input.pressSlug) {
    throw new AppError('PRESS_NOT_ALLOWED', 422, `Only press staff belong to a press; role "${input.role}" does not.`);
  }
  const existing = await findUserByEmail(deps, email);
  if (existing) throw new AppError('USER_EXISTS', 409, `A user with e-mail ${email} already exists.`);
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
