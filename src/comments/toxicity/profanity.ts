// Profanity detection and masking that sees through spelling games: spaces or symbols inside a
// word (씨 발, 씨.발), digits and Latin look-alikes (ㅅ1발, c8, 18놈), Korean typed on an English
// keyboard (tlqkf), initial-consonant abbreviations (ㅅㅂ, ㅄ) and split jamo (ㅅㅣㅂㅏㄹ).
import { foldJamo, jamoOf } from './jamo.ts';
import { ALLOWED_WORDS, CHOSEONG_ABBREVIATIONS, LATIN_WORDS, PROFANE_WORDS } from './profanity-words.ts';
import { buildSkeleton, isLoneVowel, type LatinReading, type Skeleton } from './skeleton.ts';

/** A profane stretch of the original text, [start, end) in UTF-16 code units. */
export interface ProfanitySpan {
  start: number;
  end: number;
}

/** A word as the skeleton spells it: folded jamo, repeats squeezed. */
function skeletonOf(word: string): string {
  let out = '';
  for (const ch of word) {
    for (const j of jamoOf(ch)) {
      const f = foldJamo(j);
      if (!out.endsWith(f)) out += f;
    }
  }
  return out;
}

function alternation(words: readonly string[], spell: (w: string) => string): RegExp {
  const forms = [...new Set(words.map(spell))].sort((a, b) => b.length - a.length);
  return new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

const PROFANE = alternation(PROFANE_WORDS, skeletonOf);
// Latin words are spelled the way the look-alike reading spells them ("fuck" → "fuㅅㅣk").
const LATIN = alternation(LATIN_WORDS, (w) => buildSkeleton(w, 'lookalike').text);
const ALLOWED = alternation(ALLOWED_WORDS, skeletonOf);
// Abbreviations keep tense consonants (ㅅㄲ is 새끼, ㅅㄱ is 수고); only clusters split (ㅄ = ㅂㅅ).
const ABBREVIATIONS = alternation(
  CHOSEONG_ABBREVIATIONS.filter((a) => a !== 'ㅗ'),
  (w) => [...w].map(jamoOf).join(''),
);

const startsWord = (sk: Skeleton, a: number) => a === 0 || sk.word[a - 1] !== sk.word[a];
const endsWord = (sk: Skeleton, b: number) => b === sk.text.length || sk.word[b] !== sk.word[b - 1];

/**
 * Unit ranges of profane words in one skeleton. A match across a space must cover whole words
 * ("씨 발" is masked, "회의 시 발언" is not); keyboard readings must be a whole word ("tlqkf", not "tidy").
 */
function wordMatches(sk: Skeleton, reading: LatinReading): Array<[number, number]> {
  const allowed: Array<[number, number]> = [];
  for (const m of sk.text.matchAll(ALLOWED)) allowed.push([m.index, m.index + m[0].length]);
  const out: Array<[number, number]> = [];
  // Allowed matches are sorted and disjoint, so the only one that can contain a match starting at
  // `a` is the last one starting at or before it: one pointer walk, linear in the text.
  let p = -1;
  for (const m of sk.text.matchAll(PROFANE)) {
    const a = m.index;
    const b = a + m[0].length;
    const wholeWords = startsWord(sk, a) && endsWord(sk, b);
    if (reading === 'keyboard' && !wholeWords) continue;
    if (sk.word[a] !== sk.word[b - 1] && !wholeWords) continue;
    while (p + 1 < allowed.length && allowed[p + 1][0] <= a) p++;
    if (p >= 0 && b <= allowed[p][1]) continue;
    out.push([a, b]);
  }
  return out;
}

/** Latin profanity in the look-alike skeleton, starting at a word start. */
function latinMatches(sk: Skeleton): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of sk.text.matchAll(LATIN)) if (startsWord(sk, m.index)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Abbreviations found in runs of lone jamo (ㅋㅋㅅㅂ, ㅄ, a lone ㅗ). */
function abbreviationMatches(sk: Skeleton): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let k = 0;
  while (k < sk.text.length) {
    if (!sk.lone[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e < sk.text.length && sk.lone[e]) e++;
    const run = sk.raw.slice(k, e);
    if (/^ㅗ+$/.test(run) && isLoneVowel(sk, k)) out.push([k, e]);
    else for (const m of run.matchAll(ABBREVIATIONS)) out.push([k + m.index, k + m.index + m[0].length]);
    k = e;
  }
  return out;
}

/** Profane stretches of `text`, sorted and merged, as ranges of the original string. */
export function findProfanity(text: string): ProfanitySpan[] {
  const spans: ProfanitySpan[] = [];
  const look = buildSkeleton(text, 'lookalike');
  for (const [a, b] of [...wordMatches(look, 'lookalike'), ...abbreviationMatches(look)])
    spans.push({ start: look.start[a], end: look.end[b - 1] });
  for (const [a, b] of latinMatches(look)) spans.push({ start: look.start[a], end: look.end[b - 1] });
  if (/[A-Za-z0-9\uFF10-\uFF5A]/.test(text)) {
    const dropped = buildSkeleton(text, 'dropped');
    for (const [a, b] of wordMatches(dropped, 'dropped'))
      spans.push({ start: dropped.start[a], end: dropped.end[b - 1] });
  }
  if (/[A-Za-z\uFF21-\uFF5A]/.test(text)) {
    const keys = buildSkeleton(text, 'keyboard');
    for (const [a, b] of wordMatches(keys, 'keyboard')) spans.push({ start: keys.start[a], end: keys.end[b - 1] });
  }
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: ProfanitySpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export function containsProfanity(text: string): boolean {
  return findProfanity(text).length > 0;
}

/** `text` with every profane stretch replaced by `mask` per character (spaces inside are kept). */
export function maskProfanity(text: string, mask = '*'): string {
  return maskSpans(text, findProfanity(text), mask);
}

/** `text` with the given spans (from findProfanity) masked. */
export function maskSpans(text: string, spans: readonly ProfanitySpan[], mask = '*'): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start);
    for (const ch of text.slice(start, end)) out += /\s/.test(ch) ? ch : mask;
    at = end;
  }
  return out + text.slice(at);
}
