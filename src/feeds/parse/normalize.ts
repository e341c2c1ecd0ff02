// Reduces each feedsmith format to FeedItem: identity (guid → id → link), the fullest body
// (content:encoded / content_html over description / summary), bylines, categories, images.
import type { AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import { parseFeedDate } from './dates.ts';
import type { FeedImage, FeedItem, ParsedFeed } from './feed-item.ts';
import { cleanTitle, deriveTitle, escapeHtml, htmlToText, plainTextToHtml } from './text.ts';

export interface NormalizeContext {
  baseUrl?: string;
  now: number;
}

type Draft = Omit<FeedItem, 'title' | 'titleDerived' | 'id'> & { id?: string; title?: string };

export function normalizeRss(feed: RssFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.link, ctx.baseUrl) ?? ctx.baseUrl;
  const drafts = (feed.items ?? []).map((item): Draft => {
    const link = absoluteUrl(item.link, base);
    const hasFull = Boolean(item.content?.encoded);
    return {
      id: clean(item.guid?.value) ?? link,
      link,
      title: item.title,
      bodyHtml: item.content?.encoded ?? item.description ?? '',
      summary: hasFull && item.description ? htmlToText(item.description) : undefined,
      authors: unique([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((a) => a.name ?? a.email ?? '')]),
      categories: unique([...(item.categories ?? []).map((c) => c.name ?? ''), ...(item.dc?.subjects ?? [])]),
      published: parseFeedDate(item.pubDate ?? item.dc?.dates?.[0], ctx.now),
      images: uniqueImages([
        ...mediaImages(item.media, link ?? base),
        ...(item.enclosures ?? []).filter((e) => isImageType(e.type, e.url)).map((e) => ({ url: e.url ?? '' })),
      ].map((i) => ({ ...i, url: absoluteUrl(i.url, link ?? base) ?? '' }))),
      raw: item,
    };
  });
  return finish('rss', feed.title, base, feed.language, drafts);
}

export function normalizeRdf(feed: RdfFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.link, ctx.baseUrl) ?? ctx.baseUrl;
  const drafts = (feed.items ?? []).map((item): Draft => {
    const link = absoluteUrl(item.link, base);
    const hasFull = Boolean(item.content?.encoded);
    return {
      id: clean(item.rdf?.about) ?? link,
      link,
      title: item.title,
      bodyHtml: item.content?.encoded ?? item.description ?? '',
      summary: hasFull && item.description ? htmlToText(item.description) : undefined,
      authors: unique(item.dc?.creators ?? []),
      categories: unique(item.dc?.subjects ?? []),
      published: parseFeedDate(item.dc?.dates?.[0], ctx.now),
      images: uniqueImages(mediaImages(item.media, link ?? base)),
      raw: item,
    };
  });
  return finish('rdf', feed.title, base, feed.dc?.languages?.[0], drafts);
}

export function normalizeAtom(feed: AtomFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const feedLink = (feed.links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
  const base = absoluteUrl(feedLink, ctx.baseUrl) ?? ctx.baseUrl;
  const drafts = (feed.entries ?? []).map((entry): Draft => {
    const links = entry.links ?? [];
    const link = absoluteUrl(links.find((l) => !l.rel || l.rel === 'alternate')?.href, base);
    const content = entry.content?.value ? atomTextToHtml(entry.content.value, entry.content.type) : '';
    const summary = entry.summary?.value ? atomTextToHtml(entry.summary.value, entry.summary.type) : '';
    return {
      id: clean(entry.id) ?? link,
      link,
      title: entry.title?.value ? titleText(entry.title.value, entry.title.type) : undefined,
      bodyHtml: content || summary,
      summary: content && summary ? htmlToText(summary) : undefined,
      authors: unique([...(entry.authors ?? []).map((a) => a.name ?? ''), ...(entry.dc?.creators ?? [])]),
      categories: unique([...(entry.categories ?? []).map((c) => c.label ?? c.term ?? ''), ...(entry.dc?.subjects ?? [])]),
      published: parseFeedDate(entry.published ?? entry.updated, ctx.now),
      updated: parseFeedDate(entry.updated, ctx.now),
      images: uniqueImages([
        ...mediaImages(entry.media, link ?? base),
        ...links.filter((l) => l.rel === 'enclosure' && isImageType(l.type, l.href)).map((l) => ({ url: l.href ?? '', caption: l.title })),
      ].map((i) => ({ ...i, url: absoluteUrl(i.url, link ?? base) ?? '' }))),
      raw: entry,
    };
  });
  return finish('atom', feed.title?.value ? titleText(feed.title.value, feed.title.type) : undefined, base, undefined, drafts);
}

export function normalizeJson(feed: JsonFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.home_page_url, ctx.baseUrl) ?? ctx.baseUrl;
  const drafts = (feed.items ?? []).map((item): Draft => {
    const link = absoluteUrl(item.url, base);
    const body = item.content_html ?? (item.content_text ? plainTextToHtml(item.content_text) : '') ?? '';
    const images: FeedImage[] = [];
    if (item.image) images.push({ url: item.image });
    for (const a of item.attachments ?? []) if (isImageType(a.mime_type, a.url)) images.push({ url: a.url ?? '', caption: a.title });
    const authors = item.authors ?? feed.authors ?? [];
    return {
      id: clean(item.id === undefined ? undefined : String(item.id)) ?? link,
      link,
      title: item.title,
      bodyHtml: body || (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : ''),
      summary: item.summary,
      authors: unique(authors.map((a) => a.name ?? '')),
      categories: unique(item.tags ?? []),
      published: parseFeedDate(item.date_published ?? item.date_modified, ctx.now),
      updated: parseFeedDate(item.date_modified, ctx.now),
      images: uniqueImages(images.map((i) => ({ ...i, url: absoluteUrl(i.url, link ?? base) ?? '' }))),
      lang: item.language,
      raw: item,
    };
  });
  return finish('json', feed.title, base, feed.language, drafts);
}

function finish(format: ParsedFeed['format'], title: string | undefined, link: string | undefined, lang: string | undefined, drafts: Draft[]): ParsedFeed {
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const d of drafts) {
    const title = d.title ? cleanTitle(d.title) : '';
    const derived = title ? undefined : deriveTitle(d.bodyHtml);
    if (!d.id || (!title && !derived)) {
      skipped++;
      continue;
    }
    items.push({ ...d, id: d.id, title: title || derived!, titleDerived: !title, lang: d.lang ?? lang });
  }
  return { format, title: title ? cleanTitle(title) : undefined, link, lang, items, skipped };
}

function mediaImages(media: MediaNs.ItemOrFeed | undefined, base: string | undefined): FeedImage[] {
  if (!media) return [];
  const out: FeedImage[] = [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  for (const c of contents) {
    if (!c.url || !(c.medium === 'image' || isImageType(c.type, c.url))) continue;
    const cc = c as MediaNs.Content & MediaNs.ItemOrFeed;
    out.push({
      url: absoluteUrl(c.url, base) ?? '',
      caption: cc.description?.value ?? cc.title?.value ?? media.description?.value,
      credit: cc.credits?.[0]?.value ?? media.credits?.[0]?.value,
      width: c.width,
      height: c.height,
    });
  }
  if (out.length === 0) {
    for (const t of media.thumbnails ?? []) {
      if (t.url) out.push({ url: absoluteUrl(t.url, base) ?? '', caption: media.description?.value, credit: media.credits?.[0]?.value, width: t.width, height: t.height });
    }
  }
  return out;
}

function atomTextToHtml(value: string, type: string | undefined): string {
  return type === 'html' || type === 'xhtml' ? value : plainTextToHtml(value);
}

function titleText(value: string, type: string | undefined): string {
  return type === 'html' || type === 'xhtml' ? htmlToText(value) : value;
}

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return type.toLowerCase().startsWith('image/');
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? '');
}

/** An absolute http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
export function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  try {
    const url = new URL(v, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

function uniqueImages(images: FeedImage[]): FeedImage[] {
  const seen = new Set<string>();
  return images.filter((i) => i.url && !seen.has(i.url) && (seen.add(i.url), true)).map(dropUndefined);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
