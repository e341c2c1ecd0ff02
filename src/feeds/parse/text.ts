// Small text helpers for feed items: plain text out of HTML, HTML out of plain text, and a
// headline made from the body when a feed leaves the title out.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

// A tag whose quoted attribute values may hold ">" (alt=">"), which "<[^>]*>" cut in two.
const TAG = /<\/?[A-Za-z][^\s/>]*(?:\s+(?:[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\/))*\s*\/?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(COMMENT, '')
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(TAG, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

// Inline tags presses leak into plain-text titles; anything else in angle brackets is text ("<단독>").
// Quoted attribute values may hold ">" (<img alt="a>b">), so they are matched as a whole.
const INLINE_TAG =
  /<\/?(?:b|i|em|strong|span|font|u|a|sup|sub|br|mark|small|strike|s|img|abbr|q|cite|code)(?:\s+(?:[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\/))*\s*\/?>/gi;
/** A plain-text title as feeds really write them: stray inline tags, comments and entities removed. */
export function cleanTitle(text: string): string {
  return decodeEntities(text.replace(COMMENT, '').replace(INLINE_TAG, '')).replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function plainTextToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const DERIVED_TITLE_CHARS = 60;

/** The first sentence (or 60 characters) of the body, or undefined when the body has no text. */
export function deriveTitle(bodyHtml: string): string | undefined {
  const text = htmlToText(bodyHtml);
  if (!text) return undefined;
  const sentence = /^(.+?[.!?。])(\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= DERIVED_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > DERIVED_TITLE_CHARS / 2 ? cut.slice(0, space) : cut) + '…';
}
