// What `sosik import` reads: NDJSON of ninjs items (one per line, streamed, so a file of any size
// is read in bounded memory) or one RSS/Atom/JSON Feed document (through the same parser feeds
// are pulled with, so the same size limit applies). Each item comes out as an ArticleInput or as
// a refusal with its line (NDJSON) or position (feed), in batches.
import fs from 'node:fs';
import type { ArticleInput } from '../articles/index.ts';
import { AppError, Errors } from '../errors.ts';
import { jsonDepth, jsonTooDeep, MAX_JSON_DEPTH, ninjsToArticle } from '../press/index.ts';
import { FeedError } from './feed-error.ts';
import { itemToArticleInput } from './item-to-article.ts';
import { decodeFeedBytes } from './parse/decode.ts';
import { parseFeedText } from './parse/parse-feed.ts';

export type ImportFormat = 'ndjson' | 'feed';

export type ImportItem =
  | { position: number; input: ArticleInput; original: unknown }
  | { position: number; error: AppError };

export interface ImportLimits {
  /** Longest NDJSON line (one item), as for one API request body. */
  maxLineBytes: number;
  /** Largest feed document. */
  maxFeedBytes: number;
}

const PEEK_BYTES = 64 * 1024;

/** NDJSON unless the text starts like XML or is one JSON Feed document (its version names jsonfeed.org). */
export function detectFormat(head: string): ImportFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'feed';
  const jsonFeed = /^\s*"version"\s*:\s*"https?:\/\/jsonfeed\.org\//m;
  const first = firstLineValue(text);
  // One item per line: a JSON Feed written on one line is the only object with that version.
  if (first !== undefined)
    return typeof first.version === 'string' && /^https?:\/\/jsonfeed\.org\//.test(first.version) ? 'feed' : 'ndjson';
  // A first line that is not a whole object: a pretty-printed JSON Feed, or broken NDJSON.
  return text.startsWith('{') && jsonFeed.test(text) ? 'feed' : 'ndjson';
}

function firstLineValue(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text.split('\n', 1)[0] ?? '') as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The first bytes of a file, to detect its format; stdin is peeked by the caller. */
export function peekFile(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(PEEK_BYTES);
    const n = fs.readSync(fd, buf, 0, PEEK_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Lines of a stream as Buffers, each at most `maxBytes` (longer lines come out as `null`). */
export async function* lines(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a)) {
      const piece = buf.subarray(0, nl);
      if (!oversized && size + piece.length <= maxBytes) yield parts.length ? Buffer.concat([...parts, piece]) : piece;
      else yield null;
      parts = [];
      size = 0;
      oversized = false;
      buf = buf.subarray(nl + 1);
    }
    if (oversized) continue;
    size += buf.length;
    if (size > maxBytes) {
      // Keep nothing of a line that is already too long; only its end is still to be found.
      oversized = true;
      parts = [];
    } else if (buf.length) parts.push(Buffer.from(buf));
  }
  if (oversized) yield null;
  else if (size > 0) yield Buffer.concat(parts);
}

/** One NDJSON line → an item or its refusal; blank lines yield nothing. */
export function ndjsonItem(line: Buffer | null, position: number, maxLineBytes: number): ImportItem | undefined {
  if (line === null) return { position, error: Errors.tooLarge(maxLineBytes) };
  const text = line
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text) return undefined;
  try {
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw jsonTooDeep(MAX_JSON_DEPTH);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw Errors.badJson((err as Error).message);
    }
    return { position, input: ninjsToArticle(value), original: value };
  } catch (err) {
    if (err instanceof AppError) return { position, error: err };
    throw err;
  }
}

/** Items of NDJSON from a stream, `batchSize` at a time, positions are 1-based line numbers. */
export async function* ndjsonBatches(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  limits: ImportLimits,
  batchSize: number,
): AsyncGenerator<ImportItem[]> {
  let batch: ImportItem[] = [];
  let lineNo = 0;
  for await (const line of lines(stream, limits.maxLineBytes)) {
    lineNo++;
    const item = ndjsonItem(line, lineNo, limits.maxLineBytes);
    if (item) batch.push(item);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The items of one feed document (positions are 1-based item numbers). Throws AppError when it is not a feed. */
export function feedItems(bytes: Buffer, limits: ImportLimits): ImportItem[] {
  if (bytes.length > limits.maxFeedBytes) {
    throw Errors.invalidOption(
      `the feed is ${bytes.length} bytes, over SOSIK_FEEDS_MAX_BYTES (${limits.maxFeedBytes}); split it or import NDJSON`,
    );
  }
  try {
    const parsed = parseFeedText(decodeFeedBytes(bytes).text, {});
    return parsed.items.map((item, i) => ({
      position: i + 1,
      input: itemToArticleInput(item, parsed),
      original: item.raw,
    }));
  } catch (err) {
    if (err instanceof FeedError) throw Errors.invalidOption(`not a feed: ${err.message}`);
    throw err;
  }
}
