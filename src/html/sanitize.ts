// Press HTML goes through an allow-list before anyone sees it: no script, no event handlers,
// no javascript: URLs, no iframes or forms, images only from absolute http(s) addresses. The
// original is kept in article_revisions for audit. Bounds on depth and size: html-bounds.ts.
import sanitizeHtml from 'sanitize-html';
import { withHtmlBounds } from './html-bounds.ts';
import { hasRefusedScheme, isAbsoluteHttpUrl } from './url-schemes.ts';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'mark',
    'small',
    'blockquote',
    'q',
    'cite',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'pre',
    'code',
    'hr',
    'abbr',
    'time',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height', 'title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
    time: ['datetime'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Tags whose content must vanish with them (not be unwrapped into text).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'form', 'template'],
  // An image whose src was refused (data:, javascript:, relative) would render as a broken box.
  // sanitize-html lets relative sources through (they have no scheme to refuse): the img
  // transform below drops every src that is not an absolute http(s) URL, and this removes the img.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    // The page owns <h1> (the headline); a press's top-level headings become subheads.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // sanitize-html misses "\u2028javascript:…" and other Unicode-space-prefixed schemes
    // (Chromium reads them as relative, DOMPurify drops them): such an href goes.
    a: (tagName, { href, ...attribs }) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(href !== undefined && !hasRefusedScheme(href) ? { href } : {}),
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      },
    }),
    img: (tagName, { src, ...attribs }) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(src !== undefined && isAbsoluteHttpUrl(src) ? { src } : {}),
        loading: 'lazy',
        decoding: 'async',
      },
    }),
  },
};
// rel/target/loading are added by us after filtering, so they must be allowed through.
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as Record<string, string[]>),
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height', 'title', 'loading', 'decoding'],
};

/** The allow-listed HTML; throws HtmlBoundsExceeded past the depth or element bound. */
export function sanitizePressHtml(html: string): string {
  return sanitizeHtml(html, withHtmlBounds(OPTIONS)).trim();
}

/** Text content of sanitised HTML, block boundaries as newlines (for search, summaries, feeds). */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|pre)>|<br\s*\/?>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/**
 * htmlToText for what sanitizePressHtml returned, without parsing it a second time (that parse
 * was a third of the cost of sanitising). It relies on sanitize-html's output: every "<" and ">"
 * outside a tag is escaped (text and attribute values alike), there are no comments, and no
 * tag whose content is not text survives; so a tag is exactly "<" up to the next ">", and the
 * text between tags is already escaped as the second parse would escape it.
 * sanitize-text.test.ts holds it equal to htmlToText on sanitised input.
 */
export function sanitizedHtmlToText(sanitized: string): string {
  const withBreaks = sanitized.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|pre)>|<br\s*\/?>/gi, '\n');
  return decodeEntities(withBreaks.replace(/<[^>]*>/g, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
