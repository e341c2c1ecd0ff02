// Hangul letter arithmetic for seeing through spelling games: syllables split into compatibility
// jamo, conjoining jamo mapped back to compatibility jamo, and the two-set (dubeolsik) keyboard
// layout, so "tlqkf" (Korean typed with the keyboard in English mode) reads as the jamo it stands for.

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

const CHO = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JUNG = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
// Final consonants; clusters (ㄳ, ㄺ, …) are written as their two letters so "값" and "갑ㅅ" agree.
const JONG = [
  '',
  'ㄱ',
  'ㄲ',
  'ㄱㅅ',
  'ㄴ',
  'ㄴㅈ',
  'ㄴㅎ',
  'ㄷ',
  'ㄹ',
  'ㄹㄱ',
  'ㄹㅁ',
  'ㄹㅂ',
  'ㄹㅅ',
  'ㄹㅌ',
  'ㄹㅍ',
  'ㄹㅎ',
  'ㅁ',
  'ㅂ',
  'ㅂㅅ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];

// Compatibility clusters typed on their own (ㅄ for 병신) split the same way.
const COMPAT_CLUSTERS: Record<string, string> = {
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};

// Conjoining jamo (U+1100 initial, U+1161 medial, U+11A8 final) → compatibility jamo. NFKC turns
// compatibility jamo into conjoining ones, so everything read after NFKC passes through here.
const CONJ_INITIAL = CHO;
const CONJ_FINAL = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

/** Compatibility jamo for one conjoining jamo code point, or undefined. */
export function conjoiningToCompat(cp: number): string | undefined {
  if (cp >= 0x1100 && cp <= 0x1112) return CONJ_INITIAL[cp - 0x1100];
  if (cp >= 0x1161 && cp <= 0x1175) return JUNG[cp - 0x1161];
  if (cp >= 0x11a8 && cp <= 0x11c2) return CONJ_FINAL[cp - 0x11a8];
  return undefined;
}

export function isSyllable(cp: number): boolean {
  return cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST;
}

export function isCompatJamo(cp: number): boolean {
  return cp >= 0x3131 && cp <= 0x3163;
}

export function isCompatVowel(cp: number): boolean {
  return cp >= 0x314f && cp <= 0x3163;
}

/** The letters of one syllable (or one lone jamo) as compatibility jamo, clusters split. */
export function jamoOf(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (isSyllable(cp)) {
    const i = cp - SYLLABLE_FIRST;
    return CHO[Math.floor(i / 588)] + JUNG[Math.floor((i % 588) / 28)] + JONG[i % 28];
  }
  return COMPAT_CLUSTERS[ch] ?? ch;
}

/** Every syllable of `text` written out as jamo; other characters unchanged. */
export function toJamo(text: string): string {
  let out = '';
  for (const ch of text) out += jamoOf(ch);
  return out;
}

// Tense consonants and near-identical vowels fold together: 씨발/시발, 좆/졷 are one spelling game.
// ㅐ and ㅔ stay apart: folding them would read 하루 세끼 (three meals) as 새끼.
const FOLD: Record<string, string> = {
  ㄲ: 'ㄱ',
  ㄸ: 'ㄷ',
  ㅃ: 'ㅂ',
  ㅆ: 'ㅅ',
  ㅉ: 'ㅈ',
  ㅒ: 'ㅖ',
  ㅙ: 'ㅞ',
  ㅚ: 'ㅞ',
  ㅢ: 'ㅣ',
};

/** One jamo folded to its plain form (ㅆ → ㅅ, ㅢ → ㅣ). */
export function foldJamo(j: string): string {
  return FOLD[j] ?? j;
}

// Two-set keyboard: the jamo each Latin key types. Shifted keys give the tense consonants and ㅒ/ㅖ.
const KEYBOARD: Record<string, string> = {
  q: 'ㅂ',
  w: 'ㅈ',
  e: 'ㄷ',
  r: 'ㄱ',
  t: 'ㅅ',
  y: 'ㅛ',
  u: 'ㅕ',
  i: 'ㅑ',
  o: 'ㅐ',
  p: 'ㅔ',
  a: 'ㅁ',
  s: 'ㄴ',
  d: 'ㅇ',
  f: 'ㄹ',
  g: 'ㅎ',
  h: 'ㅗ',
  j: 'ㅓ',
  k: 'ㅏ',
  l: 'ㅣ',
  z: 'ㅋ',
  x: 'ㅌ',
  c: 'ㅊ',
  v: 'ㅍ',
  b: 'ㅠ',
  n: 'ㅜ',
  m: 'ㅡ',
  Q: 'ㅃ',
  W: 'ㅉ',
  E: 'ㄸ',
  R: 'ㄲ',
  T: 'ㅆ',
  O: 'ㅒ',
  P: 'ㅖ',
};

/** The jamo a Latin letter types on a Korean two-set keyboard, or undefined. */
export function keyboardJamo(ch: string): string | undefined {
  return KEYBOARD[ch] ?? KEYBOARD[ch.toLowerCase()];
}
