// The reader sign-up and new-password forms as zod schemas plus the policies of this folder, so a
// route gets one call that either returns clean values or throws one 422 VALIDATION_FAILED naming
// every failing field, with messages in the reader's language.
import { z } from 'zod';
import { Errors, type FieldIssue } from '../errors.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { checkNickname, nicknameRefusalMessageKey } from './nickname.ts';
import { checkPassword, passwordRefusalMessageKey } from './password-policy.ts';

// Generous outer caps: the policies give the precise verdicts, these only stop huge bodies early.
export const signUpFormSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().max(1024),
  nickname: z.string().max(200),
});

export const newPasswordFormSchema = z.object({
  password: z.string().max(1024),
});

export interface SignUpInput {
  email: string;
  password: string;
  /** As shown (NFKC). */
  nickname: string;
  /** Unique key for the nickname column (nicknameKey). */
  nicknameKey: string;
}

/** zod's issues as our field issues, with messages the reader can act on, in their language. */
function schemaIssues(error: z.ZodError, locale: Locale): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const key =
      path === 'email'
        ? 'readers.email.invalid'
        : issue.code === 'too_big' && (path === 'password' || path === 'nickname')
          ? `readers.${path}.too_long`
          : 'readers.field.required';
    return { path, message: t(locale, key) };
  });
}

/** Validates a sign-up form; throws 422 VALIDATION_FAILED with one issue per failing field. */
export async function parseSignUp(
  raw: unknown,
  opts: { pressNames: readonly string[]; locale: Locale },
): Promise<SignUpInput> {
  const parsed = signUpFormSchema.safeParse(raw);
  if (!parsed.success) throw Errors.validation(schemaIssues(parsed.error, opts.locale));
  const { email, password, nickname } = parsed.data;
  const issues: FieldIssue[] = [];
  const name = checkNickname(nickname, opts.pressNames);
  if (!name.ok) issues.push({ path: 'nickname', message: t(opts.locale, nicknameRefusalMessageKey(name.reason)) });
  const pass = await checkPassword(password, { email, nickname: name.ok ? name.display : nickname });
  if (!pass.ok) issues.push({ path: 'password', message: t(opts.locale, passwordRefusalMessageKey(pass.reason)) });
  if (issues.length > 0 || !name.ok) throw Errors.validation(issues);
  return { email, password, nickname: name.display, nicknameKey: name.key };
}

/** Validates a new password (reset or change) for a known reader; throws 422 like parseSignUp. */
export async function parseNewPassword(
  raw: unknown,
  reader: { email: string; nickname: string },
  locale: Locale,
): Promise<string> {
  const parsed = newPasswordFormSchema.safeParse(raw);
  if (!parsed.success) throw Errors.validation(schemaIssues(parsed.error, locale));
  const verdict = await checkPassword(parsed.data.password, reader);
  if (!verdict.ok)
    throw Errors.validation([{ path: 'password', message: t(locale, passwordRefusalMessageKey(verdict.reason)) }]);
  return parsed.data.password;
}
