// What a signed-in reader changes on /account: nickname (once per 30 days), e-mail (proven again
// before it is used), password (the current one required), language and time zone.
import { z } from 'zod';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import type { AppDeps } from '../deps.ts';
import { type AppError, Errors } from '../errors.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { checkNickname, nicknameRefusalMessageKey } from './nickname.ts';
import { enforceReaderLimits } from './rate-limits.ts';
import type { ReaderAccount } from './reader.ts';
import { parseNewPassword } from './sign-up-input.ts';
import { findReaderByEmail, findReaderById, isUniqueViolation, nicknameTaken, pressNames } from './store.ts';
import { queueVerification } from './verify-email.ts';

export const NICKNAME_CHANGE_INTERVAL_MS = 30 * 24 * 3_600_000;

function invalid(path: string, message: string): AppError {
  return Errors.validation([{ path, message }]);
}

/** When the reader may next change their nickname (undefined: now). */
export function nextNicknameChange(
  reader: Pick<ReaderAccount, 'nicknameChangedAt'>,
  now = Date.now(),
): number | undefined {
  if (reader.nicknameChangedAt === null) return undefined;
  const at = reader.nicknameChangedAt + NICKNAME_CHANGE_INTERVAL_MS;
  return at > now ? at : undefined;
}

const nicknameForm = z.object({ nickname: z.string().max(200) });

export async function changeNickname(
  deps: AppDeps,
  reader: ReaderAccount,
  raw: unknown,
  locale: Locale,
  now = Date.now(),
): Promise<void> {
  const parsed = nicknameForm.safeParse(raw);
  if (!parsed.success) throw invalid('nickname', t(locale, 'readers.field.required'));
  const wait = nextNicknameChange(reader, now);
  if (wait !== undefined) {
    throw invalid(
      'nickname',
      t(locale, 'readers.account.nickname-wait', { date: new Date(wait).toISOString().slice(0, 10) }),
    );
  }
  const verdict = checkNickname(parsed.data.nickname, await pressNames(deps.db));
  if (!verdict.ok) throw invalid('nickname', t(locale, nicknameRefusalMessageKey(verdict.reason)));
  if (verdict.display === reader.nickname) return;
  if (await nicknameTaken(deps.db, verdict.key, reader.id))
    throw invalid('nickname', t(locale, 'readers.nickname.taken'));
  try {
    await deps.db
      .updateTable('readers')
      .set({ nickname: verdict.display, nickname_key: verdict.key, nickname_changed_at: now })
      .where('id', '=', reader.id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid('nickname', t(locale, 'readers.nickname.taken'));
    throw err;
  }
}

/** The current password, checked at the same cost whether or not the account has one. */
export async function confirmPassword(
  deps: AppDeps,
  readerId: number,
  password: unknown,
  locale: Locale,
): Promise<void> {
  const row = await findReaderById(deps.db, readerId);
  const given = typeof password === 'string' ? password.slice(0, 1024) : '';
  const ok = row?.password_hash ? await verifyPassword(given, row.password_hash) : await verifyAgainstDummy(given);
  if (!ok) throw invalid('current_password', t(locale, 'readers.account.wrong-password'));
}

const emailForm = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  current_password: z.string().max(1024).optional(),
});

/**
 * Sends a link to the new address; the account keeps the old one until the link is followed.
 * An address another account holds gets the same answer and no mail (no account list by trial).
 */
export async function changeEmail(
  deps: AppDeps,
  reader: ReaderAccount,
  raw: unknown,
  opts: { ip: string; locale: Locale; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  const parsed = emailForm.safeParse(raw);
  if (!parsed.success) throw invalid('email', t(opts.locale, 'readers.email.invalid'));
  if (reader.hasPassword) await confirmPassword(deps, reader.id, parsed.data.current_password, opts.locale);
  const { email } = parsed.data;
  if (email === reader.email) return;
  await enforceReaderLimits(deps, 'verification_resend', { email, ip: opts.ip }, now);
  await deps.db.transaction().execute(async (trx) => {
    if (await findReaderByEmail(trx, email)) return;
    await queueVerification(trx, deps, reader, email, now);
  });
  deps.nudgeJobs();
}

const passwordForm = z.object({ current_password: z.string().max(1024).optional(), password: z.string().max(1024) });

/** Changes the password; the caller ends the other sessions and rotates this one. */
export async function changePassword(
  deps: AppDeps,
  reader: ReaderAccount,
  raw: unknown,
  locale: Locale,
): Promise<void> {
  const parsed = passwordForm.safeParse(raw);
  if (!parsed.success) throw invalid('password', t(locale, 'readers.field.required'));
  if (reader.hasPassword) await confirmPassword(deps, reader.id, parsed.data.current_password, locale);
  const password = await parseNewPassword({ password: parsed.data.password }, reader, locale);
  await deps.db
    .updateTable('readers')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', reader.id)
    .execute();
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const preferencesForm = z.object({
  locale: z.enum(['ko', 'en']),
  time_zone: z.string().max(64).refine(isTimeZone),
});

export async function changePreferences(
  deps: AppDeps,
  reader: ReaderAccount,
  raw: unknown,
  locale: Locale,
): Promise<Locale> {
  const parsed = preferencesForm.safeParse(raw);
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: t(locale, `readers.account.invalid-${String(i.path[0])}`),
      })),
    );
  }
  await deps.db
    .updateTable('readers')
    .set({ locale: parsed.data.locale, time_zone: parsed.data.time_zone })
    .where('id', '=', reader.id)
    .execute();
  return parsed.data.locale;
}
