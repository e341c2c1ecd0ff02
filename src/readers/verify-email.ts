// Proving an address: the link from the e-mail (a form that posts the token, so a mail scanner
// that opens links spends nothing), and asking for a new link.
import type { AppDeps } from '../deps.ts';
import type { Trx } from '../capability.ts';
import { sendReaderMail } from './mail.ts';
import { enforceReaderLimits } from './rate-limits.ts';
import type { ReaderAccount } from './reader.ts';
import { verifyLink } from './sign-up.ts';
import { findReaderByEmail, findReaderById } from './store.ts';
import { storeToken, spendToken, type TokenLookup } from './token-store.ts';
import { digestToken, type TokenRefusal } from './tokens.ts';

/** Queues a verification link for `email` (the account's address, or the one it is changing to). */
export async function queueVerification(
  trx: Trx,
  deps: AppDeps,
  reader: { id: number; email: string; nickname: string; locale: string },
  email: string,
  now = Date.now(),
): Promise<void> {
  const token = await storeToken(trx, 'verify_email', reader.id, email, now);
  await sendReaderMail(trx, deps, {
    kind: email === reader.email ? 'verify-email' : 'confirm-new-email',
    to: email,
    lang: reader.locale === 'en' ? 'en' : 'ko',
    name: reader.nickname,
    url: verifyLink(deps, token),
    key: `readers.verify-email:${reader.id}:${digestToken(token).slice(0, 16)}`,
  });
}

export type VerifyResult =
  | { ok: true; readerId: number; changedFrom?: string }
  | { ok: false; reason: TokenRefusal | 'email_taken' };

/**
 * Spends the link and marks the address proven. A link for a new address also makes it the
 * account's address (unless another account took it meanwhile) and tells the old address.
 */
export async function verifyEmail(deps: AppDeps, token: unknown, now = Date.now()): Promise<VerifyResult> {
  const result = await deps.db.transaction().execute(async (trx): Promise<VerifyResult> => {
    const spent: TokenLookup = await spendToken(trx, token, 'verify_email', now);
    if (!spent.ok) return spent;
    const reader = await findReaderById(trx, spent.readerId);
    if (!reader) return { ok: false, reason: 'invalid' };
    const email = spent.email ?? reader.email;
    if (email === reader.email) {
      await trx.updateTable('readers').set({ email_verified_at: now }).where('id', '=', reader.id).execute();
      return { ok: true, readerId: reader.id };
    }
    const holder = await findReaderByEmail(trx, email);
    if (holder) return { ok: false, reason: 'email_taken' };
    await trx.updateTable('readers').set({ email, email_verified_at: now }).where('id', '=', reader.id).execute();
    await sendReaderMail(trx, deps, {
      kind: 'email-changed',
      to: reader.email,
      lang: reader.locale === 'en' ? 'en' : 'ko',
      name: reader.nickname,
      newEmail: email,
      url: `${deps.config.publicUrl}/password-reset`,
      key: `readers.email-changed:${reader.id}:${now}`,
    });
    return { ok: true, readerId: reader.id, changedFrom: reader.email };
  });
  deps.nudgeJobs();
  return result;
}

/** A new link for the signed-in reader's unproven address (limited like sign-up). */
export async function resendVerification(
  deps: AppDeps,
  reader: ReaderAccount,
  ip: string,
  now = Date.now(),
): Promise<void> {
  if (reader.emailVerified) return;
  await enforceReaderLimits(deps, 'verification_resend', { email: reader.email, ip }, now);
  await deps.db.transaction().execute((trx) => queueVerification(trx, deps, reader, reader.email, now));
  deps.nudgeJobs();
}
