// A feed item becomes the same ArticleInput the ninjs API produces, so ingest treats both alike.
import type { ArticleInput } from '../articles/index.ts';
import type { FeedItem, ParsedFeed } from './parse/feed-item.ts';

function languageOf(tag: string | undefined): string {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : 'ko';
}

export function itemToArticleInput(item: FeedItem, feed: Pick<ParsedFeed, 'lang'>): ArticleInput {
  const versionCreated = item.updated ?? item.published;
  return {
    uri: item.id,
    headline: item.title,
    bodyHtml: item.bodyHtml,
    lang: languageOf(item.lang ?? feed.lang),
    bylines: item.authors.map((name) => ({ name })),
    subjects: item.categories.map((name) => ({ name })),
    keywords: item.categories,
    photos: item.images.map((i) => ({
      url: i.url,
      ...(i.caption ? { caption: i.caption } : {}),
      ...(i.credit ? { credit: i.credit } : {}),
      ...(i.alt ? { alt: i.alt } : {}),
      ...(i.width ? { width: i.width } : {}),
      ...(i.height ? { height: i.height } : {}),
    })),
    ...(item.link ? { link: item.link } : {}),
    ...(item.published !== undefined ? { firstCreated: item.published } : {}),
    ...(versionCreated !== undefined ? { versionCreated } : {}),
    pubstatus: 'usable',
  };
}
