// One article body, cleaned: the allow-listed HTML and its text, or the bound it broke. A plain
// result rather than an exception, because it also comes back from a worker thread.
import { HtmlBoundsExceeded, MAX_SANITIZED_CHARS, type HtmlBoundsCode } from './html-bounds.ts';
import { sanitizedHtmlToText, sanitizePressHtml } from './sanitize.ts';

export type SanitizedBody = { ok: true; html: string; text: string } | { ok: false; code: HtmlBoundsCode };

export function sanitizeBody(raw: string): SanitizedBody {
  let html: string;
  try {
    html = sanitizePressHtml(raw);
  } catch (err) {
    if (err instanceof HtmlBoundsExceeded) return { ok: false, code: err.code };
    throw err;
  }
  if (html.length > MAX_SANITIZED_CHARS) return { ok: false, code: 'HTML_TOO_LARGE' };
  return { ok: true, html, text: sanitizedHtmlToText(html) };
}
