// Password reset. Asking always gets the same answer, whether or not the address has an account
// (the route renders one page for both, and the look-up happens in a job); the link is single-use, lasts 30 minutes, and using it
// ends every session of the account.
import crypto from 'node:crypto';
import { z } from 'zod';
import { defineJob } from '../capability.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { hashPassword } from '../auth/password.ts';
import { deletePrincipalSessions } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { sendReaderMail } from './mail.ts';
import { enforceReaderLimits } from './rate-limits.ts';
import { READER } from './reader.ts';
import { parseNewPassword } from './sign-up-input.ts';
import { findReaderByEmail, findReaderById } from './store.ts';
import { peekToken, spendAllTokens, spendToken, storeToken } from './token-store.ts';
import { TOKEN_TTL_MS, type TokenRefusal } from './tokens.ts';

const requestSchema = z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email()) });

export function resetLink(deps: Pick<AppDeps, 'config'>, token: string): string {
  return `${deps.config.publicUrl}/password-reset/new?token=${token}`;
}

export const RESET_REQUEST_JOB = 'readers.password-reset-request';

/**
 * Validates the address (422 when it is not one), limits (429), and queues the request. Whether
 * the address has an account is looked up by the job, after the answer: the request does the same
 * work (one job row) either way, so neither the answer nor its time tells.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  raw: unknown,
  opts: { ip: string; locale: Locale; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) throw Errors.validation([{ path: 'email', message: t(opts.locale, 'readers.email.invalid') }]);
  const { email } = parsed.data;
  await enforceReaderLimits(deps, 'password_reset', { email, ip: opts.ip }, now);
  await enqueueJob(deps.db, RESET_REQUEST_JOB, { email, requestId: crypto.randomUUID() } satisfies ResetRequest);
  deps.nudgeJobs();
}

const resetRequestSchema = z.object({ email: z.email().max(254), requestId: z.uuid() });
type ResetRequest = z.infer<typeof resetRequestSchema>;

/** Mails a reset link if the address has an account; a second run of one request sends no second mail. */
export const resetRequestJob = defineJob({
  kind: RESET_REQUEST_JOB,
  payload: resetRequestSchema,
  async run({ email, requestId }, deps) {
    await deps.db.transaction().execute(async (trx) => {
      const reader = await findReaderByEmail(trx, email);
      if (!reader) return;
      const token = await storeToken(trx, 'reset_password', reader.id, null);
      await sendReaderMail(trx, deps, {
        kind: 'password-reset',
        to: reader.email,
        lang: reader.locale === 'en' ? 'en' : 'ko',
        name: reader.nickname,
        url: resetLink(deps, token),
        key: `readers.password-reset:${reader.id}:${requestId}`,
      });
    });
    deps.nudgeJobs();
  },
});

export const RESET_MINUTES = TOKEN_TTL_MS.reset_password / 60_000;

/** Whether a reset link still opens the new-password form (it is not spent by looking). */
export async function checkResetLink(
  deps: AppDeps,
  token: unknown,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; reason: TokenRefusal }> {
  const found = await peekToken(deps.db, token, 'reset_password', now);
  return found.ok ? { ok: true } : found;
}

/**
 * Sets the new password (policy checked: 422), spends the link and every other reset link of the
 * account, and ends every session of the account.
 */
export async function completePasswordReset(
  deps: AppDeps,
  token: unknown,
  raw: unknown,
  locale: Locale,
  now = Date.now(),
): Promise<{ ok: true; readerId: number } | { ok: false; reason: TokenRefusal }> {
  const found = await peekToken(deps.db, token, 'reset_password', now);
  if (!found.ok) return found;
  const reader = await findReaderById(deps.db, found.readerId);
  if (!reader) return { ok: false, reason: 'invalid' };
  const password = await parseNewPassword(raw, { email: reader.email, nickname: reader.nickname }, locale);
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const spent = await spendToken(trx, token, 'reset_password', now);
    if (!spent.ok) return spent;
    await spendAllTokens(trx, reader.id, 'reset_password', now);
    // Following the link proves the address too.
    await trx
      .updateTable('readers')
      .set({ password_hash: passwordHash, email_verified_at: reader.email_verified_at ?? now })
      .where('id', '=', reader.id)
      .execute();
    await deletePrincipalSessions({ db: trx }, { kind: READER, id: reader.id });
    return { ok: true as const, readerId: reader.id };
  });
}
