// Text → ParsedFeed for RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1, with a clear
// FeedError for anything that is not a feed.
import { DetectError, parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import { FeedError } from '../feed-error.ts';
import { normalizeAtom, normalizeJson, normalizeRdf, normalizeRss, type NormalizeContext } from './normalize.ts';
import type { ParsedFeed } from './feed-item.ts';
import { capXmlItems } from './cap-items.ts';
import { guardXml } from './xml-guard.ts';

export interface ParseOptions {
  /** Base for relative links (the URL the feed was fetched from). */
  baseUrl?: string;
  now?: number;
  /** Keep only the first N items (feeds list newest first). */
  maxItems?: number;
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

  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(input, options.maxItems ? { maxItems: options.maxItems } : {});
  } catch (err) {
    if (err instanceof DetectError) {
      throw new FeedError('FEED_NOT_A_FEED', 'the document is not RSS, Atom, RDF or JSON Feed', {}, { cause: err });
    }
    throw new FeedError('FEED_MALFORMED', `the feed is not well-formed: ${(err as Error).message}`, {}, { cause: err });
  }
  const ctx: NormalizeContext = { baseUrl: options.baseUrl, now: options.now ?? Date.now() };
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
