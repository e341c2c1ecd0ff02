// Hangul arithmetic: syllables are composed as 0xAC00 + (cho × 21 + jung) × 28 + jong.
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const SYLLABLES_PER_CHOSEONG = 21 * 28;

/** Initial consonants as compatibility jamo, in syllable-composition order. */
export const CHOSEONG_JAMO = [
  'ㄱ',
  'ㄲ',
  'ㄴ',
  'ㄷ',
  'ㄸ',
  'ㄹ',
  'ㅁ',
  'ㅂ',
  'ㅃ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅉ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
] as const;

const CHOSEONG_SET = new Set<string>(CHOSEONG_JAMO);

export function isHangulSyllable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST;
}

/** Compatibility jamo block (ㄱ … ㆎ), what keyboards type for a lone consonant or vowel. */
export function isCompatibilityJamo(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x3131 && cp <= 0x318e;
}

/** True for a lone initial consonant (ㄱ, ㄲ, …, ㅎ) — the letters of a choseong query. */
export function isChoseongJamo(ch: string): boolean {
  return CHOSEONG_SET.has(ch);
}

/** The initial consonant of one syllable, or undefined for anything else. */
export function choseongOf(ch: string): string | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < SYLLABLE_FIRST || cp > SYLLABLE_LAST) return undefined;
  return CHOSEONG_JAMO[Math.floor((cp - SYLLABLE_FIRST) / SYLLABLES_PER_CHOSEONG)];
}

/** Whether the syllable has a final consonant (받침), which decides 은/는, 이/가, 을/를. */
export function hasFinalConsonant(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < SYLLABLE_FIRST || cp > SYLLABLE_LAST) return false;
  return (cp - SYLLABLE_FIRST) % 28 !== 0;
}

// Conjoining initial consonants U+1100…U+1112 map one-to-one onto CHOSEONG_JAMO; a lone one
// (no vowel after it, so NFC cannot compose it) is what some IMEs emit for a choseong query.
const CONJOINING_CHOSEONG_FIRST = 0x1100;
const CONJOINING_CHOSEONG_LAST = 0x1112;

/** Replaces lone conjoining initial consonants with their compatibility jamo. */
export function conjoiningToCompatibility(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out +=
      cp >= CONJOINING_CHOSEONG_FIRST && cp <= CONJOINING_CHOSEONG_LAST
        ? CHOSEONG_JAMO[cp - CONJOINING_CHOSEONG_FIRST]
        : ch;
  }
  return out;
}

/**
 * Initial consonants of every syllable; other characters pass through unchanged
 * ("인공지능 AI" → "ㅇㄱㅈㄴ AI").
 */
export function choseong(text: string): string {
  let out = '';
  for (const ch of text) out += choseongOf(ch) ?? ch;
  return out;
}
