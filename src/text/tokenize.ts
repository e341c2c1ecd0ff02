// Splits normalised text into word tokens by script, with Hangul particles stripped.
import { isChoseongJamo } from './hangul.ts';
import { stemLatin } from './latin.ts';
import { normalizeText } from './normalize.ts';
import { stripParticle } from './particles.ts';

export type TokenKind = 'hangul' | 'jamo' | 'han' | 'latin' | 'number' | 'other';

export interface Token {
  /** The word as written, after normalisation. */
  surface: string;
  /** The form search matches on: particle-stripped Hangul, lightly stemmed Latin, else the surface. */
  stem: string;
  kind: TokenKind;
  /** Offset of the surface in the normalised text (UTF-16 units). */
  start: number;
}

// One alternative per script; script changes split words (AI동맹 → ai + 동맹, 3월 → 3 + 월).
// Apostrophes inside Latin words are kept so "chip's" can be stemmed.
const WORD =
  /([\uAC00-\uD7A3]+)|([\u3131-\u318E]+)|([\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3040-\u30FF]+)|([a-z]+(?:'[a-z]+)*)|([0-9]+)|([\p{L}\p{N}]+)/gu;

/** Word tokens of already-normalised text. */
export function tokenizeNormalized(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = m[0];
    const start = m.index ?? 0;
    if (m[1]) tokens.push({ surface, stem: stripParticle(surface), kind: 'hangul', start });
    else if (m[2]) tokens.push({ surface, stem: surface, kind: 'jamo', start });
    else if (m[3]) tokens.push({ surface, stem: surface, kind: 'han', start });
    else if (m[4]) tokens.push({ surface, stem: stemLatin(surface).replace(/'/g, ''), kind: 'latin', start });
    else if (m[5]) tokens.push({ surface, stem: surface, kind: 'number', start });
    else tokens.push({ surface, stem: surface, kind: 'other', start });
  }
  return tokens;
}

/** Word tokens of raw text (normalised first). */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalizeText(text));
}

/** True when every letter of the token is an initial consonant (ㅇㄱㅈㄴ): a choseong query word. */
export function isChoseongToken(token: Token): boolean {
  return token.kind === 'jamo' && [...token.surface].every(isChoseongJamo);
}
