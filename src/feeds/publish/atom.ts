// Atom 1.0 (RFC 4287).
import type { FeedDocument } from './feed-document.ts';
import { el, escapeXml, iso } from './xml.ts';

export function renderAtom(doc: FeedDocument): string {
  const entries = doc.items.map((item) => {
    const authors = item.authors.length ? item.authors : [item.pressName];
    return [
      '<entry>',
      el('id', item.url),
      el('title', item.headline, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `<published>${iso(item.publishedAt)}</published>`,
      `<updated>${iso(item.updatedAt)}</updated>`,
      ...authors.map((a) => `<author>${el('name', a)}</author>`),
      ...item.categories.map((c) => `<category term="${escapeXml(c.slug)}" label="${escapeXml(c.name)}"/>`),
      el('summary', item.summary, ' type="text"'),
      el('content', item.bodyHtml, ' type="html"'),
      item.image
        ? `<link rel="enclosure" type="${imageType(item.image.url)}" href="${escapeXml(item.image.url)}"/>`
        : '',
      `<source>${el('title', item.pressName)}<link rel="alternate" href="${escapeXml(item.pressUrl)}"/></source>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(doc.lang)}">`,
    el('id', doc.feedUrls.atom),
    el('title', doc.title, ' type="text"'),
    el('subtitle', doc.description, ' type="text"'),
    `<updated>${iso(doc.updatedAt)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(doc.feedUrls.atom)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(doc.homeUrl)}"/>`,
    `<author>${el('name', doc.title)}</author>`,
    '<generator>Sosik</generator>',
    ...entries,
    '</feed>',
  ].join('\n');
}

function imageType(url: string): string {
  const ext = /\.(png|gif|webp|avif|svg)(\?|$)/i.exec(url)?.[1]?.toLowerCase();
  if (!ext) return 'image/jpeg';
  return ext === 'svg' ? 'image/svg+xml' : `image/${ext}`;
}
