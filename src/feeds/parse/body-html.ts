// What a feed body needs before the shared sanitiser sees it: relative addresses made absolute
// against the item's base (xml:base or the document URL; RFC 4287 §2 and XML Base), fallback
// content of <iframe>/<object> kept as content, and the first image found for a photo of last resort.
import { absoluteUrl } from './urls.ts';

// href / src / poster attribute values in start tags, quoted or not.
const URL_ATTR = /(<[A-Za-z][^>]*?\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

// An attribute value that does not start with a scheme or "#": the cheap test that spares most bodies the rewrite.
const RELATIVE_VALUE = /\s(?:href|src|poster)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|#|["'])/i;

/** Rewrites relative href/src/poster values to absolute ones; anything unresolvable is left for the sanitiser to judge. */
export function resolveRelativeUrls(html: string, base: string | undefined): string {
  if (!base || !RELATIVE_VALUE.test(html)) return html;
  return html.replace(URL_ATTR, (all, head: string, dq?: string, sq?: string, bare?: string) => {
    const value = (dq ?? sq ?? bare ?? '').trim();
    if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) return all;
    const resolved = absoluteUrl(value.replace(/&amp;/g, '&'), base);
    return resolved ? `${head}"${resolved.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : all;
  });
}

// The sanitiser drops <iframe>, <object> and <embed> with everything inside them (right for a
// page's own HTML, where that is the plugin's business); in feeds, what sits inside is the text
// or link the press wrote for readers without the plugin. feedparser keeps it: its sanitiser only
// drops the content of script, applet and style. So the wrappers go and their content stays.
const EMBED_WRAPPER = /<\/?(?:iframe|object|embed|param|applet|video|audio|source)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

export function unwrapEmbeds(html: string): string {
  return /<(?:iframe|object|embed|applet|video|audio)\b/i.test(html) ? html.replace(EMBED_WRAPPER, ' ') : html;
}

/** The src of the first <img> with an http(s) address. */
export function firstImage(html: string, base: string | undefined): string | undefined {
  for (const m of html.matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[0]);
    const url = absoluteUrl((src?.[1] ?? src?.[2] ?? src?.[3])?.replace(/&amp;/g, '&'), base);
    if (url) return url;
  }
  return undefined;
}
