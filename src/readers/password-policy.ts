// What a reader's password must be: long enough, not one of the passwords attackers try first,
// and not built from the reader's own e-mail or nickname (the first things a targeted guess uses).
// Length and dictionary checks follow NIST SP 800-63B: no composition rules, a blocklist instead.
//
// The blocklist is zxcvbn-ts's common-password list (~49,000 entries from leaked-password corpora),
// loaded on first use and kept as a Set of normalised entries. Decompressing and normalising it
// takes 50–150 ms of CPU, so it happens in a short-lived worker thread, not on the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const MIN_PASSWORD_LENGTH = 10;
/** scrypt hashes whatever it is given; a cap keeps one sign-up from costing megabytes of hashing. */
export const MAX_PASSWORD_LENGTH = 256;
/** An e-mail local part or nickname shorter than this is only refused as the whole password, not as a part. */
const MIN_PERSONAL_PART = 3;
/** "dragon2024!" is as guessable as "dragon": strip affixed digits and symbols down to a word this long. */
const MIN_COMMON_STEM = 4;

/** "aaaaaaaaaa", "1212121212", "abcabcabca": long, but a handful of characters repeated. */
const MIN_DISTINCT_CHARACTERS = 4;

export type PasswordRefusal =
  | 'too_short'
  | 'too_long'
  | 'repetitive'
  | 'common'
  | 'contains_email'
  | 'contains_nickname';

export type PasswordVerdict = { ok: true } | { ok: false; reason: PasswordRefusal };

/** The i18n key of a refusal (src/web/i18n/{ko,en}/readers.ts). */
export function passwordRefusalMessageKey(reason: PasswordRefusal): `readers.password.${PasswordRefusal}` {
  return `readers.password.${reason}`;
}

/** One form for comparisons: compatibility-normalised (full-width → ASCII), lower case. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

// CommonJS so the worker needs no TypeScript loader; it must normalise exactly like normalisePassword.
const LIST_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { dictionary } = require(workerData);
parentPort.postMessage(dictionary['passwords-common'].map((p) => p.normalize('NFKC').toLowerCase()));
`;

function readListOffThread(): Promise<string[]> {
  const modulePath = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common');
  return new Promise((resolve, reject) => {
    const worker = new Worker(LIST_WORKER, { eval: true, workerData: modulePath });
    worker.once('message', (list: string[]) => {
      resolve(list);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`common-password worker exited with ${code}`)));
  });
}

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/**
 * The common-password Set, loaded once per process. Call it at start-up to warm it; a failed load
 * is retried by the next caller.
 */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= readListOffThread().then(
    (list) => new Set(list),
    (err: unknown) => {
      commonPasswords = undefined;
      throw err;
    },
  );
  return commonPasswords;
}

/** The password with leading and trailing digits and symbols removed ("!!dragon2024" → "dragon"). */
function stem(normalised: string): string {
  return normalised.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
}

function isCommon(normalised: string, common: ReadonlySet<string>): boolean {
  if (common.has(normalised)) return true;
  const core = stem(normalised);
  return core.length >= MIN_COMMON_STEM && common.has(core);
}

/** The personal strings a guess would start from: the local part, and without a "+tag". */
function emailParts(email: string | undefined): string[] {
  if (!email) return [];
  const at = email.lastIndexOf('@');
  const local = normalisePassword(at >= 0 ? email.slice(0, at) : email);
  const untagged = local.split('+')[0] ?? '';
  return [...new Set([local, untagged])].filter((p) => p.length > 0);
}

function usesPersonal(normalised: string, part: string): boolean {
  return normalised === part || (part.length >= MIN_PERSONAL_PART && normalised.includes(part));
}

export interface PasswordContext {
  email?: string;
  nickname?: string;
}

/**
 * Checks a proposed password; the first refusal found is returned (length first, so a short
 * password gets the advice that fixes it rather than a dictionary verdict).
 */
export async function checkPassword(password: string, context: PasswordContext = {}): Promise<PasswordVerdict> {
  // Length in code points, so a Hangul or emoji password is measured as a person counts it.
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too_short' };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, reason: 'too_long' };
  const normalised = normalisePassword(password);
  if (new Set(normalised).size < MIN_DISTINCT_CHARACTERS) return { ok: false, reason: 'repetitive' };
  if (emailParts(context.email).some((part) => usesPersonal(normalised, part)))
    return { ok: false, reason: 'contains_email' };
  const nickname = context.nickname ? normalisePassword(context.nickname) : '';
  if (nickname && usesPersonal(normalised, nickname)) return { ok: false, reason: 'contains_nickname' };
  if (isCommon(normalised, await loadCommonPasswords())) return { ok: false, reason: 'common' };
  return { ok: true };
}
