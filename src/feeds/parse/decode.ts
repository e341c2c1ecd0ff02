// Bytes → text for feeds whose servers and XML declarations often disagree (Korean sites still
// serve EUC-KR / CP949, sometimes labelled UTF-8, sometimes the other way round).
// Order of trust: a byte-order mark, then the byte pattern of "<?xml" in UTF-16 / UTF-32 (XML 1.0
// Appendix F, for documents without a mark), then "the bytes are valid UTF-8", then the declared
// charset (HTTP header, then XML declaration), then a detector (jschardet) for undeclared Chinese,
// Japanese or Western text, then CP949 (the superset of EUC-KR) as the Korean default.
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import type jschardetModule from 'jschardet';

// Loaded on first need: the detector is large and most feeds are UTF-8 or say what they are.
let jschardet: typeof jschardetModule | undefined;
const detector = () => (jschardet ??= createRequire(import.meta.url)('jschardet') as typeof jschardetModule);

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

const KOREAN_LABELS = new Set([
  'euc-kr',
  'euckr',
  'cp949',
  'ks_c_5601-1987',
  'ks_c_5601',
  'ksc5601',
  'x-windows-949',
  'windows-949',
  'uhc',
  'ms949',
  'korean',
]);
// As the WHATWG Encoding Standard (and so every browser): ISO-8859-1 and ASCII labels mean
// Windows-1252, whose 0x80–0x9F are curly quotes and dashes rather than control characters.
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'iso_8859-1',
  'cp819',
  'ibm819',
]);
// Supersets decode everything their subsets do, and what presses really send besides.
const SUPERSETS: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', big5: 'big5' };

/** How much of the body the detector reads (it is linear; a sample is enough to tell scripts apart). */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** Below this the detector is guessing; CP949 is then the better guess for a Korean portal. */
const DETECT_MIN_CONFIDENCE = 0.3;

export type DecodedVia = 'bom' | 'xml-pattern' | 'utf-8' | 'declared' | 'detected' | 'cp949-fallback' | 'utf-8-lossy';

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
  if (KOREAN_LABELS.has(label)) return 'cp949';
  if (WINDOWS_1252_LABELS.has(label)) return 'windows-1252';
  return SUPERSETS[label] ?? label;
}

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** A byte-order mark, or the bytes of "<" in UTF-16 / UTF-32 without one. UTF-32 is tested first: its LE mark begins like UTF-16's. */
function sniffUnicode(bytes: Buffer): { encoding: string; skip: number; via: DecodedVia } | undefined {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', skip: 3, via: 'bom' };
  if (startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) return { encoding: 'utf-32be', skip: 4, via: 'bom' };
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00)) return { encoding: 'utf-32le', skip: 4, via: 'bom' };
  if (startsWith(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', skip: 2, via: 'bom' };
  if (startsWith(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', skip: 2, via: 'bom' };
  if (startsWith(bytes, 0x00, 0x00, 0x00, 0x3c)) return { encoding: 'utf-32be', skip: 0, via: 'xml-pattern' };
  if (startsWith(bytes, 0x3c, 0x00, 0x00, 0x00)) return { encoding: 'utf-32le', skip: 0, via: 'xml-pattern' };
  if (startsWith(bytes, 0x00, 0x3c, 0x00)) return { encoding: 'utf-16be', skip: 0, via: 'xml-pattern' };
  if (
    startsWith(bytes, 0x3c, 0x00, 0x3f, 0x00) ||
    startsWith(bytes, 0x3c, 0x00, 0x72, 0x00) ||
    startsWith(bytes, 0x3c, 0x00, 0x66, 0x00)
  ) {
    return { encoding: 'utf-16le', skip: 0, via: 'xml-pattern' }; // "<?", "<r"(ss/df), "<f"(eed)
  }
  return undefined;
}

/** What jschardet makes of undeclared bytes, when it is sure enough and the answer is not Korean. */
function detected(bytes: Buffer): string | undefined {
  const guess = detector().detect(bytes.subarray(0, DETECT_SAMPLE_BYTES));
  if (!guess.encoding || guess.confidence < DETECT_MIN_CONFIDENCE || guess.language === 'ko') return undefined;
  const enc = canonical(guess.encoding.toLowerCase());
  if (enc === 'utf-8' || enc === 'ascii' || KOREAN_LABELS.has(enc) || !iconv.encodingExists(enc)) return undefined;
  return enc;
}

export function decodeFeedBytes(bytes: Buffer, contentType?: string | null): Decoded {
  const unicode = sniffUnicode(bytes);
  if (unicode) {
    const body = bytes.subarray(unicode.skip);
    const text = unicode.encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, unicode.encoding);
    return { text, encoding: unicode.encoding, via: unicode.via };
  }
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
  const guess = detected(bytes);
  if (guess) return { text: iconv.decode(bytes, guess), encoding: guess, via: 'detected' };
  const korean = iconv.decode(bytes, 'cp949');
  if (!korean.includes('\uFFFD')) return { text: korean, encoding: 'cp949', via: 'cp949-fallback' };
  return { text: bytes.toString('utf8'), encoding: 'utf-8', via: 'utf-8-lossy' };
}
