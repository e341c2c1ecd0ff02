// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
import type { FeedDocument } from './feed-document.ts';

export function renderJsonFeed(doc: FeedDocument): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.feedUrls.json,
    description: doc.description || undefined,
    language: doc.lang,
    items: doc.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.headline,
      content_html: item.bodyHtml,
      summary: item.summary || undefined,
      image: item.image?.url,
      date_published: new Date(item.publishedAt).toISOString(),
      date_modified: new Date(item.updatedAt).toISOString(),
      authors: (item.authors.length ? item.authors : [item.pressName]).map((name) => ({ name })),
      tags: item.categories.length ? item.categories.map((c) => c.name) : undefined,
      language: item.lang,
    })),
  });
}
