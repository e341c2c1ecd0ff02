// Highlighted, HTML-escaped snippets: the passage of the text that holds most query terms,
// with matching words wrapped in <mark>. Matching runs on normalised text, so offsets are mapped
// back through a per-character index rather than assumed equal.
import { tokenize, tokenTerms } from '../text/index.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

interface Span {
  start: number;
  end: number;
}

/** Character spans of words in `text` that share a term with the query. */
export function matchingSpans(text: string, queryTerms: ReadonlySet<string>): Span[] {
  if (!queryTerms.size) return [];
  const spans: Span[] = [];
  // Most words share no character with any query term; skipping them before the (costly) full
  // analysis keeps snippets cheap. Case is folded for the check, as the analyzer folds it.
  const termChars = new Set([...queryTerms].join(''));
  // Tokenise word by word on the original text so spans point into it (normalisation may change lengths).
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    if (![...m[0].toLowerCase()].some((c) => termChars.has(c)) && m[0].normalize('NFKC') === m[0]) continue;
    const hit = tokenize(m[0]).some((t) => tokenTerms(t).some((term) => queryTerms.has(term)));
    if (hit) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return spans;
}

/** Escaped text with matching words marked. */
export function highlight(text: string, queryTerms: ReadonlySet<string>): string {
  return markSpans(text, matchingSpans(text, queryTerms), 0, text.length);
}

function markSpans(text: string, spans: Span[], from: number, to: number): string {
  let out = '';
  let pos = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    out += escapeHtml(text.slice(pos, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    pos = end;
  }
  return out + escapeHtml(text.slice(pos, to));
}

/** The best window of about `length` characters (most distinct matching words), escaped and marked. */
export function snippet(text: string, queryTerms: ReadonlySet<string>, length = 160): string {
  const spans = matchingSpans(text, queryTerms);
  if (!spans.length || text.length <= length) {
    const cut = text.length > length ? text.slice(0, length).replace(/\s+\S*$/, '') : text;
    return markSpans(cut, spans, 0, cut.length) + (cut.length < text.length ? '…' : '');
  }
  let best = 0;
  let bestHits = -1;
  for (let i = 0; i < spans.length; i++) {
    const words = new Set<string>();
    for (let j = i; j < spans.length && spans[j].end - spans[i].start <= length; j++) {
      words.add(text.slice(spans[j].start, spans[j].end));
    }
    if (words.size > bestHits) {
      bestHits = words.size;
      best = i;
    }
  }
  // Start a little before the first match, at a word boundary, so the match has context.
  let from = Math.max(0, spans[best].start - 30);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < spans[best].start) from = space + 1;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > spans[best].end) to = space;
  }
  return (from > 0 ? '…' : '') + markSpans(text, spans, from, to) + (to < text.length ? '…' : '');
}
