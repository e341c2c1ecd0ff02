// Bytes → text for feeds whose servers and XML declarations often disagree (Korean sites still
// serve EUC-KR / CP949, sometimes labelled UTF-8, sometimes the other way round).
// Order of trust: a byte-order mark, then "the bytes are valid UTF-8", then the declared charset
// (HTTP header, then XML declaration), then CP949 (the superset of EUC-KR) as the Korean default.
import iconv from 'iconv-lite';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

const KOREAN_LABELS = new Set(['euc-kr', 'euckr', 'cp949', 'ks_c_5601-1987', 'ks_c_5601', 'ksc5601', 'x-windows-949', 'windows-949', 'uhc', 'ms949', 'korean']);

export type DecodedVia = 'bom' | 'utf-8' | 'declared' | 'cp949-fallback' | 'utf-8-lossy';

export interface Decoded {
  text: string;
  encoding: string;
  via: DecodedVia;
}

/** The charset named by a Content-Type header, lower-cased. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** The encoding named by an XML declaration at the start of the bytes. */
export function charsetFromXmlDeclaration(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

function canonical(label: string): string {
  return KOREAN_LABELS.has(label) ? 'cp949' : label;
}

export function decodeFeedBytes(bytes: Buffer, contentType?: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', via: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', via: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', via: 'bom' };

  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', via: 'utf-8' };
  } catch {
    // Not UTF-8, whatever the labels say: fall through to what is declared.
  }
  for (const label of [charsetFromContentType(contentType), charsetFromXmlDeclaration(bytes)]) {
    if (!label) continue;
    const enc = canonical(label);
    if (enc === 'utf-8' || enc === 'utf8' || !iconv.encodingExists(enc)) continue;
    return { text: iconv.decode(bytes, enc), encoding: enc, via: 'declared' };
  }
  const korean = iconv.decode(bytes, 'cp949');
  if (!korean.includes('\uFFFD')) return { text: korean, encoding: 'cp949', via: 'cp949-fallback' };
  return { text: bytes.toString('utf8'), encoding: 'utf-8', via: 'utf-8-lossy' };
}
