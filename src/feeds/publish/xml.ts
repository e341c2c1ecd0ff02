// The few XML building blocks the outgoing feeds and sitemaps need.

// Characters XML 1.0 cannot carry at all (C0 controls except tab/newline/return, lone surrogates, FFFE/FFFF).
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text inside CDATA; a "]]>" in the text is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(INVALID_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** RFC 822 date for RSS (toUTCString gives "Tue, 01 Oct 2024 00:30:00 GMT"). */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An element with escaped text, or nothing when the value is empty. */
export function el(name: string, value: string | undefined | null, attrs = ''): string {
  if (value === undefined || value === null || value === '') return '';
  return `<${name}${attrs}>${escapeXml(value)}</${name}>`;
}
