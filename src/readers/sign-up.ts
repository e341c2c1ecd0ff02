// Sign-up. The answer must not tell whether the address already has an account: a new address
// gets an account and a verification link, a registered one gets a note at that address ("you
// already have an account"), and the visitor sees the same page either way, after the same work
// (the password is hashed in both cases).
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { sendReaderMail } from './mail.ts';
import { enforceReaderLimits } from './rate-limits.ts';
import { parseSignUp } from './sign-up-input.ts';
import { findReaderByEmail, insertReader, isUniqueViolation, nicknameTaken, pressNames } from './store.ts';
import { storeToken } from './token-store.ts';
import { digestToken } from './tokens.ts';

export function verifyLink(deps: Pick<AppDeps, 'config'>, token: string): string {
  return `${deps.config.publicUrl}/verify-email?token=${token}`;
}

function consented(raw: unknown): boolean {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return body.terms === '1' && body.privacy === '1';
}

/**
 * Validates the form (422 naming every failing field, nothing written), applies the sign-up
 * limits (429) and then either creates the account or notifies the existing one.
 */
export async function signUp(
  deps: AppDeps,
  raw: unknown,
  opts: { ip: string; locale: Locale; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  const consentIssues = consented(raw)
    ? []
    : [{ path: 'consent', message: t(opts.locale, 'readers.signup.consent-required') }];
  let input: Awaited<ReturnType<typeof parseSignUp>> | undefined;
  try {
    input = await parseSignUp(raw, { pressNames: await pressNames(deps.db), locale: opts.locale });
  } catch (err) {
    const details = (err as { details?: { path: string; message: string }[] }).details;
    if (consentIssues.length && details) throw Errors.validation([...details, ...consentIssues]);
    throw err;
  }
  if (consentIssues.length) throw Errors.validation(consentIssues);
  // Nicknames are public, so "taken" reveals nothing an article page would not.
  if (await nicknameTaken(deps.db, input.nicknameKey)) {
    throw Errors.validation([{ path: 'nickname', message: t(opts.locale, 'readers.nickname.taken') }]);
  }
  await enforceReaderLimits(deps, 'sign_up', { email: input.email, ip: opts.ip }, now);
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const existing = await findReaderByEmail(trx, input.email);
      if (existing) {
        // One note per account per hour however often someone tries the address.
        await sendReaderMail(trx, deps, {
          kind: 'account-exists',
          to: existing.email,
          lang: existing.locale === 'en' ? 'en' : 'ko',
          name: existing.nickname,
          url: `${deps.config.publicUrl}/password-reset`,
          key: `readers.account-exists:${existing.id}:${Math.floor(now / 3_600_000)}`,
        });
        return;
      }
      const id = await insertReader(trx, { ...input, passwordHash, locale: opts.locale, emailVerifiedAt: null, now });
      const token = await storeToken(trx, 'verify_email', id, input.email, now);
      await sendReaderMail(trx, deps, {
        kind: 'verify-email',
        to: input.email,
        lang: opts.locale,
        name: input.nickname,
        url: verifyLink(deps, token),
        key: `readers.verify-email:${id}:${digestToken(token).slice(0, 16)}`,
      });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A sign-up racing this one won. Same address: answered as usual (a double click lands here).
    // Another address with this nickname: the nickname is taken.
    const holder = await deps.db
      .selectFrom('readers')
      .select('email')
      .where('nickname_key', '=', input.nicknameKey)
      .executeTakeFirst();
    if (holder && holder.email !== input.email) {
      throw Errors.validation([{ path: 'nickname', message: t(opts.locale, 'readers.nickname.taken') }]);
    }
  }
  deps.nudgeJobs();
}
