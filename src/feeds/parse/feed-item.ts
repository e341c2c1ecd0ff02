// The one shape every feed format is reduced to before it becomes an article.

export interface FeedImage {
  url: string;
  caption?: string;
  credit?: string;
  alt?: string;
  width?: number;
  height?: number;
}

export interface FeedItem {
  /** guid / id / link, else a digest of its content (parse/identity.ts): stable across polls. */
  id: string;
  link?: string;
  title: string;
  /** True when the feed gave no title and one was made from the text. */
  titleDerived: boolean;
  /** Untrusted HTML: the fullest body the feed offers (content:encoded, content_html, atom content). */
  bodyHtml: string;
  summary?: string;
  authors: string[];
  categories: string[];
  published?: number;
  updated?: number;
  images: FeedImage[];
  lang?: string;
  /** What the feed said, for the audit trail (article_revisions.original). */
  raw: unknown;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  link?: string;
  lang?: string;
  items: FeedItem[];
  /** Items dropped because they have neither a title nor any text to show. */
  skipped: number;
}
