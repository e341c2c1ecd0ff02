// The pieces of the ingest path that one article and a batch share (ingest.ts, ingest-batch.ts):
// preparing an item outside any transaction (limits, sanitising, photo URLs), telling an
// unchanged re-delivery apart, and the rows an accepted item becomes.
import { breakingAtOnIngest } from './breaking.ts';
import type { ArticleRow as Article, ArticleSource, ArticleStatus } from '../db/schema.ts';
import { sanitizeArticleBody } from '../html/sanitize-pool.ts';
import { checkArticleInput } from './input-limits.ts';
import type { ArticleInput, PhotoInput } from './model.ts';

const SUMMARY_CHARS = 160;
const MAX_PHOTOS = 30;

export interface IngestRequest {
  pressId: number;
  source: ArticleSource;
  input: ArticleInput;
  /** Exactly what arrived (ninjs object or feed item), kept for audit. */
  original: unknown;
  /** Lets the bundled demo content reference images under /static/. */
  trustLocalMedia?: boolean;
  now?: number;
}

export interface IngestResult {
  id: number;
  created: boolean;
  /** False when the same content arrived again (a feed re-polled) or an older version arrived late. */
  changed: boolean;
  status: ArticleStatus;
  revision: number;
}

/** An item that passed the limits and was sanitised: all the work that needs no database. */
export interface PreparedArticle {
  req: IngestRequest;
  input: ArticleInput;
  bodyHtml: string;
  bodyText: string;
  photos: PhotoInput[];
  /** The normalised item as stored in the revision; equal strings mean the same content. */
  normalized: string;
  status: ArticleStatus;
  now: number;
}

/** Limits, then sanitising (off the main thread for large bodies). Throws AppError (413/422/503). */
export async function prepareArticle(req: IngestRequest): Promise<PreparedArticle> {
  const now = req.now ?? Date.now();
  // The same limits for API and feed items, before any work is spent on them.
  const input = checkArticleInput(req.input);
  const { html: bodyHtml, text: bodyText } = await sanitizeArticleBody(input.bodyHtml);
  const photos = input.photos.filter((p) => acceptablePhotoUrl(p.url, req.trustLocalMedia)).slice(0, MAX_PHOTOS);
  const normalized = JSON.stringify({ ...input, bodyHtml, photos });
  const status: ArticleStatus = input.pubstatus === 'usable' ? 'usable' : 'withdrawn';
  return { req, input, bodyHtml, bodyText, photos, normalized, status, now };
}

/** True when storing `p` over `existing` would change nothing (same content) or go back in time. */
export function isUnchanged(p: PreparedArticle, existing: Article, latestNormalized: string | undefined): boolean {
  const sameContent = latestNormalized === p.normalized && existing.status === p.status;
  const stale = p.input.versionCreated !== undefined && p.input.versionCreated < existing.updated_at;
  return sameContent || stale;
}

/** The articles row (without id, press and uri) for a new article or a new revision of `existing`. */
export function articleRow(p: PreparedArticle, existing: Article | undefined) {
  const { input, now } = p;
  const firstCreated = Math.min(input.firstCreated ?? existing?.first_created_at ?? input.versionCreated ?? now, now);
  return {
    headline: input.headline.trim(),
    subheadline: input.subheadline ?? null,
    series: input.series ?? null,
    body_html: p.bodyHtml,
    body_text: p.bodyText,
    summary: summarise(input.subheadline, p.bodyText),
    lang: input.lang,
    bylines: JSON.stringify(input.bylines),
    keywords: JSON.stringify(input.keywords),
    copyright: input.copyright ?? null,
    link: input.link ?? existing?.link ?? null,
    status: p.status,
    source: p.req.source,
    revision: (existing?.revision ?? 0) + 1,
    first_created_at: firstCreated,
    updated_at: existing
      ? Math.min(input.versionCreated ?? now, now)
      : Math.min(input.versionCreated ?? firstCreated, now),
    received_at: now,
    withdrawn_at: p.status === 'withdrawn' ? (existing?.withdrawn_at ?? now) : null,
    urgency: input.urgency ?? null,
    breaking_at: breakingAtOnIngest(existing, input.urgency, firstCreated, now),
  };
}

export function revisionRow(p: PreparedArticle, articleId: number, revision: number) {
  return {
    article_id: articleId,
    revision,
    received_at: p.now,
    source: p.req.source,
    pubstatus: p.input.pubstatus,
    original: JSON.stringify(p.req.original),
    normalized: p.normalized,
  };
}

export function photoRows(articleId: number, photos: readonly PhotoInput[]) {
  return photos.map((p, position) => ({
    article_id: articleId,
    position,
    url: p.url,
    width: p.width ?? null,
    height: p.height ?? null,
    caption: p.caption ?? null,
    credit: p.credit ?? null,
    alt: p.alt ?? null,
  }));
}

function acceptablePhotoUrl(url: string, trustLocalMedia = false): boolean {
  if (trustLocalMedia && /^\/static\/[\w./-]+$/.test(url) && !url.includes('..')) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function summarise(subheadline: string | undefined, bodyText: string): string {
  const source = subheadline?.trim() || bodyText.split('\n').find((l) => l.trim().length > 0) || '';
  return source.length > SUMMARY_CHARS ? `${source.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : source;
}
