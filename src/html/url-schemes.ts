// URL checks for press HTML attributes, stricter than sanitize-html's own scheme test: it
// strips only ASCII controls and spaces before looking for a scheme, so a scheme hidden behind
// U+2028, U+00A0, U+FEFF and the like survived.

const ALLOWED_LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
// Every Unicode space, format and control character a scheme could hide behind or within.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

/** True when `value`, read with every invisible character removed, names a scheme we do not allow. */
export function hasRefusedScheme(value: string): boolean {
  const visible = value.replace(INVISIBLE, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible)?.[1];
  // Attribute values arrive entity-decoded from the parser, so "&#x2028;" is already U+2028 here.
  return scheme !== undefined && !ALLOWED_LINK_SCHEMES.has(scheme.toLowerCase());
}

/** An absolute http: or https: URL (relative sources resolve against our site, so they are refused). */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
