// Text → ParsedFeed for RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1, with a clear
// FeedError for anything that is not a feed.
import {
  DetectError,
  detectAtomFeed,
  detectJsonFeed,
  detectRdfFeed,
  detectRssFeed,
  ParseError,
  parseFeed as parseAnyFeed,
  type AnyFeed,
} from 'feedsmith';
import { FeedError } from '../feed-error.ts';
import { capXmlItems } from './cap-items.ts';
import type { ParsedFeed } from './feed-item.ts';
import { normalizeAtom, normalizeJson, normalizeRdf, normalizeRss, type NormalizeContext } from './normalize.ts';
import { guardXml } from './xml-guard.ts';

export interface ParseOptions {
  /** Base for relative links (the URL the feed was fetched from). */
  baseUrl?: string;
  now?: number;
  /** Keep only the first N items (feeds list newest first). */
  maxItems?: number;
}

function detectedFormat(input: unknown): ParsedFeed['format'] | undefined {
  if (detectRssFeed(input)) return 'rss';
  if (detectAtomFeed(input)) return 'atom';
  if (detectRdfFeed(input)) return 'rdf';
  if (detectJsonFeed(input)) return 'json';
  return undefined;
}

/**
 * RSS whose items sit directly under <rss> with no <channel> (seen from hand-made feeds):
 * feedparser reads them, so the missing channel is put back around the root's content.
 */
function withChannel(xml: string): string | undefined {
  if (/<channel[\s>]/i.test(xml)) return undefined;
  const open = /<rss\b(?:[^>"']|"[^"]*"|'[^']*')*>/i.exec(xml);
  const close = xml.lastIndexOf('</rss');
  if (!open || close < open.index) return undefined;
  const at = open.index + open[0].length;
  return `${xml.slice(0, at)}<channel>${xml.slice(at, close)}</channel>${xml.slice(close)}`;
}

function parseWith(input: unknown, maxItems: number | undefined): AnyFeed {
  try {
    return parseAnyFeed(input, maxItems ? { maxItems } : {});
  } catch (err) {
    if (err instanceof DetectError) {
      throw new FeedError('FEED_NOT_A_FEED', 'the document is not RSS, Atom, RDF or JSON Feed', {}, { cause: err });
    }
    if (err instanceof ParseError) {
      // The XML (or JSON) parsed and the format was recognised, but there was nothing feedsmith
      // models in it: no items, no channel, or only elements it does not read. That is a feed
      // with nothing to take, not a broken one (Miniflux and FreshRSS show such feeds as empty).
      const format = detectedFormat(input);
      const rewritten = format === 'rss' && typeof input === 'string' ? withChannel(input) : undefined;
      if (rewritten) return parseWith(rewritten, maxItems);
      if (format) return { format, feed: {} } as AnyFeed;
    }
    throw new FeedError(
      'FEED_MALFORMED',
      `the feed is not well-formed XML or JSON: ${(err as Error).message}`,
      {},
      { cause: err },
    );
  }
}

export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (!trimmed) throw new FeedError('FEED_NOT_A_FEED', 'the answer is empty');
  let input: unknown = body;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      input = JSON.parse(body);
    } catch (err) {
      throw new FeedError('FEED_MALFORMED', `invalid JSON: ${(err as Error).message}`);
    }
  } else if (trimmed.startsWith('<')) {
    guardXml(body);
    if (options.maxItems) input = capXmlItems(body, options.maxItems);
  } else {
    throw new FeedError('FEED_NOT_A_FEED', 'the answer is neither XML nor JSON');
  }
  const parsed = parseWith(input, options.maxItems);
  const ctx: NormalizeContext = {
    baseUrl: options.baseUrl,
    now: options.now ?? Date.now(),
    ...(typeof input === 'string' ? { xml: input } : {}),
  };
  switch (parsed.format) {
    case 'rss':
      return normalizeRss(parsed.feed, ctx);
    case 'atom':
      return normalizeAtom(parsed.feed, ctx);
    case 'rdf':
      return normalizeRdf(parsed.feed, ctx);
    case 'json':
      return normalizeJson(parsed.feed, ctx);
  }
}
