// Checks run on the decoded text before any XML parser sees it. Feeds never need a DTD of their
// own, so any document declaring entities is refused outright: that stops billion-laughs,
// quadratic blow-up and external-entity (XXE) documents whatever the parser would do with them.
import { FeedError } from '../feed-error.ts';

const PROLOG_SCAN = 64 * 1024;

export function guardXml(text: string): void {
  const prolog = text.slice(0, PROLOG_SCAN);
  const doctype = /<!DOCTYPE\s+([A-Za-z_:][\w.:-]*)/i.exec(prolog);
  if (doctype) {
    if (/<!ENTITY/i.test(text.slice(doctype.index, doctype.index + PROLOG_SCAN * 16))) {
      throw new FeedError('FEED_ENTITIES_REFUSED', 'the document declares its own entities (DTD); refused to guard against entity expansion and external entities');
    }
    if (/\[/.test(prolog.slice(doctype.index, prolog.indexOf('>', doctype.index) + 1))) {
      throw new FeedError('FEED_ENTITIES_REFUSED', 'the document carries an internal DTD subset; refused');
    }
    if (doctype[1]!.toLowerCase() === 'html') throw notAFeed(text);
  }
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(prolog)) throw notAFeed(text);
}

function notAFeed(html: string): FeedError {
  const alt = /<link[^>]+type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i.exec(html)?.[0];
  const href = alt ? /href=["']([^"']+)["']/i.exec(alt)?.[1] : undefined;
  return new FeedError(
    'FEED_NOT_A_FEED',
    'the address serves an HTML page, not a feed' + (href ? ` (the page points to a feed at ${href})` : ''),
  );
}
