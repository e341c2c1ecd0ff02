// The one normal form the toxicity model reads: NFKC (full-width → ASCII), compatibility jamo,
// lower case, runs of one character squeezed to two (ㅋㅋㅋㅋ → ㅋㅋ, !!!!! → !!), one space.
import { conjoiningToCompat } from './jamo.ts';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Comment text as the model's features see it. */
export function normalizeComment(text: string): string {
  const s = text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').toLowerCase();
  let out = '';
  let last = '';
  let run = 0;
  for (let ch of s) {
    const compat = conjoiningToCompat(ch.codePointAt(0) ?? 0);
    if (compat) ch = compat;
    if (/\s/.test(ch)) ch = ' ';
    if (ch === last) {
      run++;
      if (run > 2 || ch === ' ') continue;
    } else {
      last = ch;
      run = 1;
    }
    out += ch;
  }
  return out.trim();
}
