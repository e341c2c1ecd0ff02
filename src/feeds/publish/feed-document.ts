// What every outgoing feed format renders: a channel and its newest articles, format-neutral.

export interface PublishedItem {
  id: number;
  /** Absolute URL of the article page (also the item's permanent id). */
  url: string;
  headline: string;
  summary: string;
  /** Sanitised at ingest; safe to embed. */
  bodyHtml: string;
  lang: string;
  publishedAt: number;
  updatedAt: number;
  authors: string[];
  pressName: string;
  pressUrl: string;
  categories: Array<{ slug: string; name: string }>;
  image?: { url: string; caption?: string; credit?: string };
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page this feed mirrors. */
  homeUrl: string;
  /** The URL of this feed itself in each format. */
  feedUrls: { rss: string; atom: string; json: string };
  lang: string;
  /** Newest item change, or the epoch for an empty feed. */
  updatedAt: number;
  items: PublishedItem[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';
