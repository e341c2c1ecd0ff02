// How an item is told apart from the others across polls.
import crypto from 'node:crypto';

/**
 * For an item with no guid, id or link: a digest of what it says (title, date and body), as
 * Miniflux does (it hashes title + content when an entry has neither GUID nor URL). The same item
 * polled again has the same identity, so it is stored once; an edit to it reads as a new item,
 * which nothing in such a feed lets us tell apart from one.
 */
export function contentIdentity(title: string | undefined, date: string | undefined, body: string): string {
  const digest = crypto
    .createHash('sha256')
    .update([title ?? '', date ?? '', body].join('\u0000'))
    .digest('hex');
  return `urn:sosik:item:sha256:${digest.slice(0, 40)}`;
}

/**
 * A guid the feed itself gives to several items with different links does not identify any one
 * of them (CMSs that put the site address or a category id in every guid). Those items are told
 * apart by guid + link, as feedparser's and Miniflux's duplicate checks do; a guid used once keeps
 * identifying its item alone, so a corrected link on a later poll is a revision, not a new article.
 */
export function ambiguousGuids(items: Array<{ guid?: string; link?: string }>): Set<string> {
  const links = new Map<string, Set<string | undefined>>();
  for (const { guid, link } of items) {
    if (!guid) continue;
    const set = links.get(guid) ?? new Set<string | undefined>();
    set.add(link);
    links.set(guid, set);
  }
  return new Set([...links].filter(([, set]) => set.size > 1).map(([guid]) => guid));
}

export function guidWithLink(guid: string, link: string | undefined): string {
  return link ? `${guid} ${link}` : guid;
}
