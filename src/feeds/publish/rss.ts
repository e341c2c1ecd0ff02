// RSS 2.0 with content:encoded, dc:creator, media:content and atom:link rel="self".
import type { FeedDocument } from './feed-document.ts';
import { cdata, el, escapeXml, rfc822 } from './xml.ts';

export function renderRss(doc: FeedDocument): string {
  const items = doc.items.map((item) => {
    const parts = [
      el('title', item.headline),
      el('link', item.url),
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `<pubDate>${rfc822(item.publishedAt)}</pubDate>`,
      el('description', item.summary),
      `<content:encoded>${cdata(item.bodyHtml)}</content:encoded>`,
      ...item.authors.map((a) => el('dc:creator', a)),
      ...item.categories.map((c) => el('category', c.name, ` domain="${escapeXml(c.slug)}"`)),
      `<source url="${escapeXml(item.pressUrl)}">${escapeXml(item.pressName)}</source>`,
      item.image
        ? `<media:content url="${escapeXml(item.image.url)}" medium="image">` +
          el('media:description', item.image.caption) +
          el('media:credit', item.image.credit) +
          '</media:content>'
        : '',
    ];
    return `<item>${parts.join('')}</item>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    el('title', doc.title),
    el('link', doc.homeUrl),
    el('description', doc.description || doc.title),
    el('language', doc.lang),
    `<lastBuildDate>${rfc822(doc.updatedAt)}</lastBuildDate>`,
    `<atom:link href="${escapeXml(doc.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
