// Reduces each feedsmith format to FeedItem: identity (guid → id → link → content digest), the
// fullest body, bylines, categories, dates and images. Where the formats leave a choice open, the
// comment says whose behaviour (feedparser, Miniflux, FreshRSS) we follow.
import type { AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import { firstImage, resolveRelativeUrls, unwrapEmbeds } from './body-html.ts';
import { parseFeedDate } from './dates.ts';
import type { FeedImage, FeedItem, ParsedFeed } from './feed-item.ts';
import { ambiguousGuids, contentIdentity, guidWithLink } from './identity.ts';
import { rawExtrasFor, type RawExtras } from './raw-extras.ts';
import { cleanTitle, deriveTitle, escapeHtml, htmlToText, plainTextToHtml } from './text.ts';
import { absoluteUrl, selfAbsoluteUrl } from './urls.ts';

export interface NormalizeContext {
  baseUrl?: string;
  now: number;
  /** The XML as parsed, for the elements feedsmith does not model (raw-extras.ts). */
  xml?: string;
}

interface Draft {
  guid?: string;
  link?: string;
  title?: string;
  bodyHtml: string;
  summary?: string;
  authors: string[];
  categories: string[];
  /** The date text the item gave (for the content digest of an item without identity). */
  dateText?: string;
  published?: number;
  updated?: number;
  images: FeedImage[];
  /** Base for the body's relative addresses. */
  base?: string;
  /** Photo of last resort when the item and its body have none (a podcast's show artwork). */
  fallbackImage?: string;
  lang?: string;
  raw: unknown;
}

const noExtras: RawExtras = { authors: [], categories: [] };

export function normalizeRss(feed: RssFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.link, ctx.baseUrl) ?? ctx.baseUrl;
  const items = feed.items ?? [];
  const extras = rawExtrasFor(ctx.xml, items.length);
  const channelImage = absoluteUrl(feed.itunes?.image, base);
  const channelCategories = (feed.itunes?.categories ?? []).map((c) => c.text ?? '');
  const drafts = items.map((item, index): Draft => {
    const x = extras?.[index] ?? noExtras;
    const guid = clean(item.guid?.value);
    // RSS 2.0: a guid is a permalink unless isPermaLink="false"; feedparser then uses it as the link.
    const permalink = item.guid?.isPermaLink !== false ? selfAbsoluteUrl(guid) : undefined;
    // FeedBurner's origLink is the press's own address behind the feedburner.com redirect.
    const link = absoluteUrl(x.origLink, base) ?? absoluteUrl(item.link, base) ?? permalink;
    const full = item.content?.encoded || x.body;
    const short = item.description || item.dc?.descriptions?.[0] || item.itunes?.summary;
    const dateText = item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0];
    const categories = unique([
      ...(item.categories ?? []).map((c) => c.name ?? ''),
      ...(item.dc?.subjects ?? []),
      ...(item.media?.categories ?? []).map((c) => c.name ?? ''),
      ...x.categories,
    ]);
    return {
      guid,
      link,
      title: item.title || item.itunes?.title,
      bodyHtml: full || short || '',
      summary: full && short ? htmlToText(short) : undefined,
      authors: unique([
        ...(item.dc?.creators ?? []),
        ...(item.authors ?? []).map((a) => a.name ?? a.email ?? ''),
        ...x.authors,
        ...(item.itunes?.author ? [item.itunes.author] : []),
      ]),
      // A podcast files its show, not each episode, under iTunes categories: episodes inherit them.
      categories: categories.length ? categories : unique(channelCategories),
      dateText,
      published: parseFeedDate(dateText, ctx.now),
      updated: parseFeedDate(item.dcterms?.modified?.[0], ctx.now),
      images: [
        ...mediaImages(item.media, link ?? base),
        ...(item.enclosures ?? []).filter((e) => isImageType(e.type, e.url)).map((e) => ({ url: e.url ?? '' })),
        ...(item.itunes?.image ? [{ url: item.itunes.image }] : []),
      ],
      base: link ?? base,
      fallbackImage: channelImage,
      raw: withExtras(item, x),
    };
  });
  return finish('rss', feed.title, base, feed.language, drafts);
}

export function normalizeRdf(feed: RdfFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.link, ctx.baseUrl) ?? ctx.baseUrl;
  const items = feed.items ?? [];
  const extras = rawExtrasFor(ctx.xml, items.length);
  const drafts = items.map((item, index): Draft => {
    const x = extras?.[index] ?? noExtras;
    const link = absoluteUrl(x.origLink, base) ?? absoluteUrl(item.link, base);
    const full = item.content?.encoded || x.body;
    const short = item.description || item.dc?.descriptions?.[0];
    const dateText = item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0];
    return {
      guid: clean(item.rdf?.about),
      link,
      title: item.title,
      bodyHtml: full || short || '',
      summary: full && short ? htmlToText(short) : undefined,
      authors: unique([...(item.dc?.creators ?? []), ...x.authors]),
      categories: unique([...(item.dc?.subjects ?? []), ...x.categories]),
      dateText,
      published: parseFeedDate(dateText, ctx.now),
      updated: parseFeedDate(item.dcterms?.modified?.[0], ctx.now),
      images: mediaImages(item.media, link ?? base),
      base: link ?? base,
      raw: withExtras(item, x),
    };
  });
  return finish('rdf', feed.title, base, feed.dc?.languages?.[0], drafts);
}

export function normalizeAtom(feed: AtomFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  // XML Base (RFC 4287 §2): relative references resolve against xml:base, itself relative to the
  // document's own URL; the feed's alternate link is only a last resort for documents with no URL.
  const feedLink = (feed.links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
  const docBase = absoluteUrl(feed.xml?.base, ctx.baseUrl) ?? ctx.baseUrl ?? absoluteUrl(feedLink, undefined);
  const siteLink = absoluteUrl(feedLink, docBase);
  const entries = feed.entries ?? [];
  const extras = rawExtrasFor(ctx.xml, entries.length);
  // RFC 4287 §4.2.1: an entry without an author has the feed's.
  const feedAuthors = (feed.authors ?? []).map((a) => a.name ?? '');
  const drafts = entries.map((entry, index): Draft => {
    const x = extras?.[index] ?? noExtras;
    const base = absoluteUrl(entry.xml?.base, docBase) ?? docBase;
    const links = entry.links ?? [];
    const link =
      absoluteUrl(x.origLink, base) ?? absoluteUrl(links.find((l) => !l.rel || l.rel === 'alternate')?.href, base);
    const content = entry.content?.value ? atomTextToHtml(entry.content.value, entry.content.type) : '';
    const summary = entry.summary?.value ? atomTextToHtml(entry.summary.value, entry.summary.type) : '';
    const authors = unique([
      ...(entry.authors ?? []).map((a) => a.name ?? ''),
      ...(entry.dc?.creators ?? []),
      ...x.authors,
    ]);
    const dateText = entry.published ?? entry.updated ?? entry.dcterms?.issued?.[0];
    return {
      guid: clean(entry.id),
      link,
      title: entry.title?.value ? titleText(entry.title.value, entry.title.type) : undefined,
      bodyHtml: content || summary,
      summary: content && summary ? htmlToText(summary) : undefined,
      authors: authors.length ? authors : unique(feedAuthors),
      categories: unique([
        ...(entry.categories ?? []).map((c) => c.label ?? c.term ?? ''),
        ...(entry.dc?.subjects ?? []),
        ...(entry.media?.categories ?? []).map((c) => c.name ?? ''),
      ]),
      dateText,
      published: parseFeedDate(dateText, ctx.now),
      updated: parseFeedDate(entry.updated ?? entry.dcterms?.modified?.[0], ctx.now),
      images: [
        ...mediaImages(entry.media, base),
        ...links
          .filter((l) => l.rel === 'enclosure' && isImageType(l.type, l.href))
          .map((l) => ({ url: l.href ?? '', caption: l.title })),
      ],
      base,
      raw: withExtras(entry, x),
    };
  });
  return finish(
    'atom',
    feed.title?.value ? titleText(feed.title.value, feed.title.type) : undefined,
    siteLink ?? docBase,
    undefined,
    drafts,
  );
}

export function normalizeJson(feed: JsonFeed.Feed<string>, ctx: NormalizeContext): ParsedFeed {
  const base = absoluteUrl(feed.home_page_url, ctx.baseUrl) ?? ctx.baseUrl;
  const drafts = (feed.items ?? []).map((item): Draft => {
    const link = absoluteUrl(item.url, base);
    const body = item.content_html ?? (item.content_text ? plainTextToHtml(item.content_text) : '') ?? '';
    const images: FeedImage[] = [];
    if (item.image) images.push({ url: item.image });
    for (const a of item.attachments ?? [])
      if (isImageType(a.mime_type, a.url)) images.push({ url: a.url ?? '', caption: a.title });
    const authors = item.authors ?? feed.authors ?? [];
    const dateText = item.date_published ?? item.date_modified;
    return {
      guid: clean(item.id === undefined ? undefined : String(item.id)),
      link,
      title: item.title,
      bodyHtml: body || (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : ''),
      summary: item.summary,
      authors: unique(authors.map((a) => a.name ?? '')),
      categories: unique(item.tags ?? []),
      dateText,
      published: parseFeedDate(dateText, ctx.now),
      updated: parseFeedDate(item.date_modified, ctx.now),
      images,
      base: link ?? base,
      lang: item.language,
      raw: item,
    };
  });
  return finish('json', feed.title, base, feed.language, drafts);
}

function finish(
  format: ParsedFeed['format'],
  title: string | undefined,
  link: string | undefined,
  lang: string | undefined,
  drafts: Draft[],
): ParsedFeed {
  const items: FeedItem[] = [];
  const ambiguous = ambiguousGuids(drafts);
  let skipped = 0;
  for (const d of drafts) {
    const bodyHtml = resolveRelativeUrls(unwrapEmbeds(d.bodyHtml), d.base);
    const ownTitle = d.title ? cleanTitle(d.title) : '';
    // No title: the first sentence of the body, as FreshRSS and Miniflux fall back to the text.
    const itemTitle = ownTitle || deriveTitle(bodyHtml);
    if (!itemTitle) {
      skipped++; // neither a title nor any text: nothing a reader could be shown
      continue;
    }
    const id = d.guid
      ? ambiguous.has(d.guid)
        ? guidWithLink(d.guid, d.link)
        : d.guid
      : (d.link ?? contentIdentity(d.title, d.dateText, d.bodyHtml));
    const images = photos(d.images, d.base);
    if (!images.length) {
      const last = d.fallbackImage ?? firstImage(bodyHtml, d.base);
      if (last) images.push({ url: last });
    }
    items.push({
      id,
      ...(d.link ? { link: d.link } : {}),
      title: itemTitle,
      titleDerived: !ownTitle,
      bodyHtml,
      ...(d.summary ? { summary: d.summary } : {}),
      authors: d.authors,
      categories: d.categories,
      ...(d.published !== undefined ? { published: d.published } : {}),
      ...(d.updated !== undefined ? { updated: d.updated } : {}),
      images,
      ...((d.lang ?? lang) ? { lang: d.lang ?? lang } : {}),
      raw: d.raw,
    });
  }
  return { format, title: title ? cleanTitle(title) : undefined, link, lang, items, skipped };
}

/** The audit copy of an item (article_revisions.original), with what raw-extras.ts read beside feedsmith. */
function withExtras(raw: object, x: RawExtras): unknown {
  return x === noExtras ? raw : { ...raw, sosikExtras: x };
}

function mediaImages(media: MediaNs.ItemOrFeed | undefined, base: string | undefined): FeedImage[] {
  if (!media) return [];
  const out: FeedImage[] = [];
  const groups = media.groups ?? [];
  const contents = [...(media.contents ?? []), ...groups.flatMap((g) => g.contents ?? [])];
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
    // No image among the media: the thumbnails stand for it, including those inside media:group
    // (YouTube: a video in the group, its still beside it) and inside a media:content.
    const thumbnails = [
      ...(media.thumbnails ?? []),
      ...groups.flatMap((g) => g.thumbnails ?? []),
      ...contents.flatMap((c) => (c as MediaNs.Content & MediaNs.ItemOrFeed).thumbnails ?? []),
    ];
    const group = groups[0];
    for (const t of thumbnails) {
      if (!t.url) continue;
      out.push({
        url: absoluteUrl(t.url, base) ?? '',
        caption: media.description?.value ?? group?.description?.value ?? media.title?.value ?? group?.title?.value,
        credit: media.credits?.[0]?.value ?? group?.credits?.[0]?.value,
        width: t.width,
        height: t.height,
      });
    }
  }
  return out;
}

/** Images made absolute against the item's base, without duplicates or undefined fields. */
function photos(images: FeedImage[], base: string | undefined): FeedImage[] {
  const seen = new Set<string>();
  const out: FeedImage[] = [];
  for (const i of images) {
    const url = absoluteUrl(i.url, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push(dropUndefined({ ...i, url }));
  }
  return out;
}

/**
 * Atom text constructs and content (RFC 4287 §4.1.3): "html"/"xhtml" and HTML MIME types are
 * markup, "text" and other text/* types are text. Any other MIME type is base64 of something that
 * is not text (§4.1.3.3); it is no body to show (feedparser decodes it to bytes, which no page can
 * show either), so the entry falls back to its summary instead of showing raw base64.
 */
function atomTextToHtml(value: string, type: string | undefined): string {
  const t = (type ?? 'text').trim().toLowerCase();
  if (t === 'html' || t === 'xhtml' || t === 'text/html' || t === 'application/xhtml+xml') return value;
  if (t === 'text' || t.startsWith('text/') || t.endsWith('+xml') || t.endsWith('/xml')) return plainTextToHtml(value);
  return '';
}

function titleText(value: string, type: string | undefined): string {
  return type === 'html' || type === 'xhtml' ? htmlToText(value) : value;
}

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return type.toLowerCase().startsWith('image/');
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? '');
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
