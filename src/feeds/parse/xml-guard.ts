// Checks run on the decoded text before any XML parser sees it. Feeds never need a DTD of their
// own, so any document with an internal DTD subset (the only place entities can be declared;
// external DTDs are never loaded) is refused outright: that stops billion-laughs, quadratic
// blow-up and external-entity (XXE) documents whatever the parser would do with them.
import { FeedError } from '../feed-error.ts';

interface Prolog {
  /** The DOCTYPE declaration up to its first ">", if any. */
  doctype?: string;
  /** Name of the root element, lower-cased. */
  root?: string;
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
      const end = text.indexOf('>', i);
      out.doctype = text.slice(i, end === -1 ? undefined : end + 1);
      if (end === -1) return out;
      i = end + 1;
      // An internal subset may contain ">" (declarations) before its closing "]>": skip past it.
      if (out.doctype.includes('[')) return out;
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
  if (prolog.doctype?.includes('[')) {
    throw new FeedError('FEED_ENTITIES_REFUSED', 'the document declares its own entities (DTD internal subset); refused to guard against entity expansion and external entities');
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
