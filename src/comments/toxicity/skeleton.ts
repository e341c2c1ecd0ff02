// The "skeleton" of a comment for profanity matching: every letter as folded jamo (씨발 and
// ㅅㅣㅂㅏㄹ and 시발 all become ㅅㅣㅂㅏㄹ), symbols and spaces dropped, repeated letters squeezed,
// digits and Latin read as what they imitate, and each unit remembering the characters it came from
// so a match can be masked in the original text.
import { conjoiningToCompat, foldJamo, isCompatJamo, isCompatVowel, isSyllable, jamoOf, keyboardJamo } from './jamo.ts';

/**
 * How Latin letters and digits are read: as look-alikes (c → 씨, 1 → ㅣ), as keyboard keys
 * (t → ㅅ), or as filler slipped between letters and dropped (존1나, 씨x발).
 */
export type LatinReading = 'lookalike' | 'keyboard' | 'dropped';

export interface Skeleton {
  /** One folded jamo (or kept Latin letter/digit) per UTF-16 unit. */
  text: string;
  /** Unfolded jamo, same length as `text` (initial-consonant abbreviations need ㅅㄲ ≠ ㅅㄱ). */
  raw: string;
  /** Original [start, end) UTF-16 range each unit came from. */
  start: number[];
  end: number[];
  /** Index of the whitespace-separated word each unit belongs to. */
  word: number[];
  /** Whether the unit was typed as a lone jamo (not inside a syllable). */
  lone: boolean[];
}

// Characters that imitate Hangul letters; multi-letter values are sounds (c reads "ssi", 8 reads "pal").
const LOOKALIKE: Record<string, string> = {
  c: 'ㅅㅣ',
  l: 'ㅣ',
  i: 'ㅣ',
  '1': 'ㅣ',
  '|': 'ㅣ',
  '!': 'ㅣ',
  o: 'ㅇ',
  '0': 'ㅇ',
  '8': 'ㅍㅏㄹ',
};
// 18 read aloud is 십팔, the classic number spelling of 씨발. It reads so only glued to a word
// (아18, 18놈), never as a number ("18일", "2018년").
const EIGHTEEN = 'ㅅㅣㅂㅍㅏㄹ';
const AFTER_EIGHTEEN = /^(놈|년|넘|새|것|롬|아|같)/;
const HANGUL_SYLLABLE = /[가-힣]/;

const WHITESPACE = /\s/;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;

export function buildSkeleton(input: string, reading: LatinReading): Skeleton {
  const sk: Skeleton = { text: '', raw: '', start: [], end: [], word: [], lone: [] };
  // Built as arrays and joined once: string += per letter was most of the time spent here.
  const text: string[] = [];
  const raws: string[] = [];
  let last = '';
  let word = 0;
  let inSpace = false;
  const push = (letters: string, start: number, end: number, lone: boolean) => {
    for (let k = 0; k < letters.length; k++) {
      const r = letters[k];
      const j = foldJamo(r);
      const n = text.length;
      // Squeeze repeats (씨ㅣㅣ발, 개애새끼 typed as 개ㅐ새끼): the unit grows over the extra characters.
      if (n > 0 && last === j && sk.word[n - 1] === word) {
        sk.end[n - 1] = end;
        continue;
      }
      last = j;
      text.push(j);
      raws.push(r);
      sk.start.push(start);
      sk.end.push(end);
      sk.word.push(word);
      sk.lone.push(lone);
    }
  };
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? input[i] : input.slice(i, i + 2);
    if (cp === 32 || (cp < 0x80 ? cp >= 9 && cp <= 13 : !isSyllable(cp) && WHITESPACE.test(ch))) {
      if (!inSpace) word++;
      inSpace = true;
      i += width;
      continue;
    }
    inSpace = false;
    if (cp >= 48 && cp <= 57) {
      let j = i;
      while (j < input.length && DIGIT.test(input[j])) j++;
      const run = input.slice(i, j);
      const glued = (i > 0 && HANGUL_SYLLABLE.test(input[i - 1])) || AFTER_EIGHTEEN.test(input.slice(j, j + 2));
      if (reading === 'dropped') {
        // filler: nothing to read
      } else if (reading === 'lookalike' && run === '18' && glued) push(EIGHTEEN, i, j, false);
      else
        for (let k = i; k < j; k++)
          push(reading === 'lookalike' ? (LOOKALIKE[input[k]] ?? input[k]) : input[k], k, k + 1, false);
      i = j;
      continue;
    }
    // Full-width letters, half-width jamo and conjoining jamo come to their plain form first.
    const plain = cp < 0x80 || isSyllable(cp) || isCompatJamo(cp) ? ch : ch.normalize('NFKC');
    for (const c of plain.length === 1 ? [plain] : plain) {
      const p = c.codePointAt(0) ?? 0;
      if (isSyllable(p)) {
        const letters = jamoOf(c);
        // Stretched vowels (씨이이발, 개애새끼): a silent-ㅇ syllable repeating the vowel before it.
        const n = text.length;
        if (
          letters.length === 2 &&
          letters[0] === 'ㅇ' &&
          n > 0 &&
          sk.word[n - 1] === word &&
          last === foldJamo(letters[1])
        )
          sk.end[n - 1] = i + width;
        else push(letters, i, i + width, false);
      } else if (isCompatJamo(p)) push(jamoOf(c), i, i + width, true);
      else if (conjoiningToCompat(p) !== undefined) push(jamoOf(conjoiningToCompat(p) ?? ''), i, i + width, true);
      else if (LATIN.test(c)) {
        if (reading === 'dropped') continue;
        const mapped = reading === 'keyboard' ? keyboardJamo(c) : LOOKALIKE[c.toLowerCase()];
        push(mapped ?? c.toLowerCase(), i, i + width, false);
      } else if (reading === 'lookalike' && LOOKALIKE[c]) push(LOOKALIKE[c], i, i + width, false);
      // Everything else (punctuation, symbols, emoji) is a separator a speller may slip inside a word.
    }
    i += width;
  }
  sk.text = text.join('');
  sk.raw = raws.join('');
  return sk;
}

/** True when the unit is a lone vowel (ㅗ as a gesture, or split jamo). */
export function isLoneVowel(sk: Skeleton, k: number): boolean {
  return sk.lone[k] && isCompatVowel(sk.raw.codePointAt(k) ?? 0);
}
