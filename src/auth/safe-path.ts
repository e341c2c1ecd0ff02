// The one check for every redirect target and self-link we build from client input (?next=,
// the request path behind a language switch): only a path on this site survives.
//
// Browsers are generous with what they take for another origin: they drop tabs and newlines
// anywhere in a URL ("/\t/evil.example" is "//evil.example"), trim leading control characters
// and spaces, and read "\" as "/" ("/\evil.example"). So the candidate is normalised the way a
// browser would, resolved against a placeholder origin with the WHATWG parser (the one Chromium
// follows), and kept only if it stays on that origin. What we hand back is the re-serialised
// path, so the browser reads exactly what we checked.

const PLACEHOLDER_ORIGIN = 'http://sosik.invalid';
// C0 controls, DEL and the whitespace browsers strip or that can hide a second path segment.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const MAX_PATH_CHARS = 2_000;

/**
 * A same-origin path ("/a/b?c#d") for `raw`, or undefined when `raw` would leave the site or is
 * not a path at all (absolute URLs, "//host", "/\host", schemes, control characters in disguise).
 */
export function sameOriginPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_PATH_CHARS) return undefined;
  const candidate = raw.replace(CONTROL_OR_SPACE, '');
  if (!candidate.startsWith('/')) return undefined;
  // "//" and "/\" (in any mix) are protocol-relative to a browser: another host.
  if (candidate[1] === '/' || candidate[1] === '\\') return undefined;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The serialised form must itself be a plain path (a dot-segment could have produced "//").
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  return path;
}

/** Where to send a visitor: `raw` when it is a path on this site, else `fallback`. */
export function safeRedirectPath(raw: unknown, fallback: string): string {
  return sameOriginPath(raw) ?? fallback;
}

/** A link back to the page being shown (language switch): the request path when safe, else "/". */
export function safeSelfLink(path: string): string {
  return sameOriginPath(path) ?? '/';
}
