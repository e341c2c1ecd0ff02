// How an issue is named and addressed: its most representative headline, and a slug fixed at birth.
import { normalizeText } from '../text/index.ts';

const MAX_SLUG_WORDS = 5;
const MAX_SLUG_CHARS = 40;

/** `<id>-<first headline words>`; the id keeps it unique, the words make the link readable. */
export function issueSlug(id: number, headline: string): string {
  const words = normalizeText(headline)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS);
  let tail = '';
  for (const w of words) {
    const next = tail ? `${tail}-${w}` : w;
    if ([...next].length > MAX_SLUG_CHARS) break;
    tail = next;
  }
  return tail ? `${id}-${tail}` : String(id);
}

/** The id a slug starts with (old links keep working even if a slug's words were different). */
export function idFromSlug(slug: string): number | undefined {
  const m = /^(\d+)(?:-|$)/.exec(slug);
  return m ? Number(m[1]) : undefined;
}

/** Headlines without the bracketed press tags ([속보], [단독], (종합)) that say nothing about the event. */
export function cleanHeadline(headline: string): string {
  const cleaned = headline
    .replace(/^\s*(?:[[(〈<【][^\])〉>】]{1,8}[\])〉>】]\s*)+/u, '')
    .replace(/\s*[[(（](?:종합|속보|단독|1보|2보|3보|상보)[^\])）]*[\])）]\s*$/u, '')
    .trim();
  return cleaned || headline.trim();
}
