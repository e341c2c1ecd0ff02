// Checks run on the decoded text before any XML parser sees it. Feeds never need a DTD of their
// own, so any document with an internal DTD subset (the only place entities can be declared;
// external DTDs are never loaded) is refused outright: that stops billion-laughs, quadratic
// blow-up and external-entity (XXE) documents whatever the parser would do with them.
import { FeedError } from '../feed-error.ts';

interface Prolog {
  /** The DOCTYPE declaration up to its closing ">" (or up to its internal subset's "["), if any. */
  doctype?: string;
  /** True when the DOCTYPE opens an internal subset (a "[" outside its literals). */
  internalSubset?: boolean;
  /** Name of the root element, lower-cased. */
  root?: string;
}

/**
 * Where the DOCTYPE starting at `start` ends: the first ">" outside its quoted public and system
 * literals, or the "[" that opens an internal subset (returned as the end so the caller sees it).
 * A literal may hold ">" (`SYSTEM "http://x/a>b"`), which once hid the subset behind it.
 */
function doctypeEnd(text: string, start: number): number {
  let quote: string | undefined;
  for (let j = start + 9; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>' || c === '[') return j;
  }
  return -1;
}

/** Walks the prolog (XML declaration, comments, processing instructions, DOCTYPE) to the root element. */
function readProlog(text: string): Prolog {
  const out: Prolog = {};
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end === -1) return out;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end === -1) return out;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const end = doctypeEnd(text, i);
      out.doctype = text.slice(i, end === -1 ? undefined : end + 1);
      out.internalSubset = end === -1 ? out.doctype.includes('[') : text[end] === '[';
      // Whatever follows an internal subset is not read: the document is refused anyway.
      if (end === -1 || out.internalSubset) return out;
      i = end + 1;
    } else {
      const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
      if (root) out.root = root[1]!.toLowerCase();
      return out;
    }
  }
  return out;
}

export function guardXml(text: string): void {
  const prolog = readProlog(text);
  if (prolog.internalSubset) {
    throw new FeedError(
      'FEED_ENTITIES_REFUSED',
      'the document declares its own entities (DTD internal subset); refused to guard against entity expansion and external entities',
    );
  }
  if (prolog.root === 'html' || /^<!DOCTYPE\s+html\b/i.test(prolog.doctype ?? '')) throw notAFeed(text);
}

function notAFeed(html: string): FeedError {
  const alt = /<link[^>]+type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i.exec(html.slice(0, 256 * 1024))?.[0];
  const href = alt ? /href=["']([^"']+)["']/i.exec(alt)?.[1] : undefined;
  return new FeedError(
    'FEED_NOT_A_FEED',
    'the address serves an HTML page, not a feed' + (href ? ` (the page points to a feed at ${href})` : ''),
  );
}
