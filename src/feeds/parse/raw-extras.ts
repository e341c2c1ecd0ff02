// Item elements feedsmith does not model, read from the XML text itself: the real link behind a
// FeedBurner redirect (feedburner:origLink), bodies kept only in <body> / <xhtml:body> or
// <fullitem> (as feedparser reads them), dc:author, and item-level itunes:category. Only feeds
// whose text mentions one of them pay for the scan (one linear pass, CDATA and comments skipped).

export interface RawExtras {
  origLink?: string;
  /** HTML from <body>, <xhtml:body> or <fullitem>, in that order of preference. */
  body?: string;
  authors: string[];
  categories: string[];
}

// Literal alternatives only: one quick pass over a multi-megabyte feed that uses none of them.
const MARKERS = /origLink|origlink|body>|<body|fullitem|dc:author|itunes:category/;
const ITEMS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s>/])[^>]*>/gi;

/** Each item's (or entry's) text, in document order; undefined when the feed uses none of the extras. */
export function itemChunks(xml: string): string[] | undefined {
  if (!MARKERS.test(xml)) return undefined;
  const chunks: string[] = [];
  let depth = 0;
  let start = 0;
  ITEMS.lastIndex = 0;
  for (let m = ITEMS.exec(xml); m; m = ITEMS.exec(xml)) {
    if (m[1] === undefined) continue; // CDATA or comment
    if (m[1] === '/') {
      if (depth === 1) chunks.push(xml.slice(start, m.index));
      depth = Math.max(0, depth - 1);
    } else if (!m[0].endsWith('/>')) {
      if (depth === 0) start = m.index + m[0].length;
      depth++;
    }
  }
  return chunks;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** An element's content as HTML: CDATA unwrapped; escaped HTML (no markup of its own) unescaped. */
function contentHtml(inner: string, prefix: string | undefined): string {
  let text = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').trim();
  if (!/<[A-Za-z]/.test(inner)) text = decodeXml(text);
  // <xhtml:body><xhtml:p>…: the markup's own prefix means nothing to an HTML reader.
  if (prefix) text = text.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
  return text;
}

function element(chunk: string, local: string): { inner: string; prefix?: string } | undefined {
  const m = new RegExp(`<((?:([\\w.-]+):)?${local})(?=[\\s>])[^>]*>([\\s\\S]*?)</\\1\\s*>`, 'i').exec(chunk);
  return m ? { inner: m[3]!, prefix: m[2] } : undefined;
}

export function readExtras(chunk: string): RawExtras {
  const out: RawExtras = { authors: [], categories: [] };
  const orig = element(chunk, 'origLink');
  if (orig) out.origLink = decodeXml(orig.inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')).trim();
  const body = element(chunk, 'body') ?? element(chunk, 'fullitem');
  if (body) out.body = contentHtml(body.inner, body.prefix);
  for (const m of chunk.matchAll(/<dc:author\b[^>]*>([\s\S]*?)<\/dc:author\s*>/gi))
    out.authors.push(decodeXml(m[1]!.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')).trim());
  for (const m of chunk.matchAll(/<itunes:category\b[^>]*?\btext\s*=\s*(["'])([\s\S]*?)\1/gi))
    out.categories.push(decodeXml(m[2]!).trim());
  return out;
}

/** Extras per item, by position, or undefined when they cannot be matched to the parsed items safely. */
export function rawExtrasFor(xml: string | undefined, itemCount: number): RawExtras[] | undefined {
  if (!xml || itemCount === 0) return undefined;
  const chunks = itemChunks(xml);
  if (!chunks || chunks.length < itemCount) return undefined;
  return chunks.slice(0, itemCount).map(readExtras);
}
