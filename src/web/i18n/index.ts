// Message catalogues (Korean first, English second) and `t(locale, key, params)`.
//
// How a capability adds its strings without touching anyone else's file:
//   create `src/web/i18n/ko/<capability>.ts` and `src/web/i18n/en/<capability>.ts`, each
//   `export default { '<capability>.some-key': '…', … } satisfies Messages;`
//   Keys start with the capability's name. Every file in ko/ and en/ is picked up at start-up, so no
//   shared index needs editing; a key defined twice, or present in one language only, fails the
//   i18n test (src/web/i18n/i18n.test.ts).
// Params: `{name}` in a message is replaced by params.name (the caller's views escape on render);
// `{name|이/가}` also appends the Korean particle that fits the value's last syllable.
import fs from 'node:fs';
import { hasFinalConsonant, isHangulSyllable } from '../../text/hangul.ts';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';
export type Messages = Record<string, string>;

export function isLocale(value: unknown): value is Locale {
  return value === 'ko' || value === 'en';
}

async function loadCatalogue(locale: Locale): Promise<{ messages: Map<string, string>; duplicates: string[] }> {
  const dir = new URL(`./${locale}/`, import.meta.url);
  const files = fs
    .readdirSync(dir)
    // .ts from the sources, .js from the compiled dist/ (scripts/build.mjs)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.test\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const messages = new Map<string, string>();
  const duplicates: string[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, dir).href)) as { default?: Messages };
    for (const [key, value] of Object.entries(mod.default ?? {})) {
      if (messages.has(key)) duplicates.push(`${locale}/${file}: ${key}`);
      messages.set(key, value);
    }
  }
  return { messages, duplicates };
}

const loaded = await Promise.all(LOCALES.map(loadCatalogue));
const catalogues: Record<Locale, Map<string, string>> = { ko: loaded[0]!.messages, en: loaded[1]!.messages };

/** Keys defined in more than one catalogue file (the i18n test asserts there are none). */
export const duplicateKeys: readonly string[] = loaded.flatMap((l) => l.duplicates);

/** Every key of a locale (for the completeness test). */
export function catalogueKeys(locale: Locale): string[] {
  return [...catalogues[locale].keys()];
}

// `{name}` or, for Korean particles that depend on the last syllable, `{name|이/가}`.
const PARAM = /\{(\w+)(?:\|([^/}]+)\/([^}]+))?\}/g;

/** The particle form that fits the word: 이/가, 은/는, 을/를, 과/와 (first form after a final consonant). */
function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  const last = word.trim().slice(-1);
  if (!isHangulSyllable(last)) return `${word}${afterConsonant}(${afterVowel})`;
  return word + (hasFinalConsonant(last) ? afterConsonant : afterVowel);
}

/**
 * The message for `key` in `locale`, falling back to Korean, then to the key itself (so a missing
 * string shows up on the page instead of breaking it).
 */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const message = catalogues[locale].get(key) ?? catalogues.ko.get(key) ?? key;
  if (!params) return message;
  return message.replace(PARAM, (whole, name: string, consonantForm?: string, vowelForm?: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return consonantForm && vowelForm ? withParticle(value, consonantForm, vowelForm) : value;
  });
}

/** A `t` bound to one locale, for views that render many strings. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
