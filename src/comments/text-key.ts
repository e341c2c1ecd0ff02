// Comment text: the accepted length, how a text is cleaned before anything reads it, and the key
// two texts are compared by (the repeated-text phase): case, spacing and punctuation do not make
// a text new.
export const COMMENT_MAX_CHARS = 1000;

/** Trims, normalises line breaks to \n, drops control characters, keeps at most two blank lines. */
export function cleanCommentText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Characters as a reader counts them (a Hangul syllable or an emoji is one). */
// Made once: constructing a Segmenter costs more than segmenting a comment.
const GRAPHEMES = new Intl.Segmenter('ko', { granularity: 'grapheme' });

export function charCount(text: string): number {
  let n = 0;
  for (const _ of GRAPHEMES.segment(text)) n++;
  return n;
}

export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .slice(0, 2000);
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;

export function containsLink(text: string): boolean {
  URL_PATTERN.lastIndex = 0;
  return URL_PATTERN.test(text);
}

export interface TextPart {
  text: string;
  href?: string;
}

/** Splits a comment into plain runs and links (http(s) only; "www." gets https://). */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    // A sentence's closing punctuation is not part of the address.
    const raw = m[0].replace(/[.,!?)\]}>。、]+$/u, '');
    const start = m.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    const href = raw.startsWith('www.') ? `https://${raw}` : raw;
    parts.push(URL.canParse(href) ? { text: raw, href } : { text: raw });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
