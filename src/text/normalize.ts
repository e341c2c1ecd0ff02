// Unicode normalisation shared by indexing and querying, so both sides see the same characters.
import { conjoiningToCompatibility } from './hangul.ts';

// Combining marks are removed from Latin letters only (café → cafe); Hangul must stay composed.
const LATIN_WITH_MARKS = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * NFKC (full-width → ASCII, half-width jamo → compatibility jamo, decomposed Hangul → syllables),
 * lone conjoining consonants → compatibility jamo, Latin lower-cased without accents,
 * invisible/control characters removed and whitespace collapsed.
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC');
  s = conjoiningToCompatibility(s);
  s = s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this replaces
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  s = s.replace(LATIN_WITH_MARKS, (w) => w.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC'));
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
