// Limits on press HTML, so that no body can make the sanitiser (or a reader's page) expensive.
// sanitize-html's cost grows much faster than its input when tags are left open: 66,333
// unclosed <a> (199k characters) took 6 s and came out as 3.7 MiB. Real articles nest a few
// levels and hold a few hundred elements; the bounds below leave room for sloppy markup and
// stop a hostile body after a bounded amount of work.
import type sanitizeHtml from 'sanitize-html';
import { type AppError, Errors } from '../errors.ts';

/** Open elements at once (void elements and implied closes do not count). */
export const MAX_HTML_DEPTH = 256;
/** Elements in one body. */
export const MAX_HTML_ELEMENTS = 20_000;
/** Characters of sanitised HTML we store and serve for one body. */
export const MAX_SANITIZED_CHARS = 1_000_000;

export type HtmlBoundsCode = 'HTML_TOO_DEEP' | 'HTML_TOO_MANY_ELEMENTS' | 'HTML_TOO_LARGE';

/** Thrown from inside the parser callbacks to stop at the first element past a bound. */
export class HtmlBoundsExceeded extends Error {
  override name = 'HtmlBoundsExceeded';
  constructor(readonly code: HtmlBoundsCode) {
    super(code);
  }
}

const MESSAGES: Record<HtmlBoundsCode, string> = {
  HTML_TOO_DEEP: `The body nests elements deeper than ${MAX_HTML_DEPTH} levels (are tags left unclosed?).`,
  HTML_TOO_MANY_ELEMENTS: `The body has more than ${MAX_HTML_ELEMENTS} elements.`,
  HTML_TOO_LARGE: `The body is larger than ${MAX_SANITIZED_CHARS} characters once cleaned.`,
};

/** The client-facing error (422, path "bodies") for a bound that did not hold. */
export function htmlBoundsError(code: HtmlBoundsCode): AppError {
  const max = {
    HTML_TOO_DEEP: MAX_HTML_DEPTH,
    HTML_TOO_MANY_ELEMENTS: MAX_HTML_ELEMENTS,
    HTML_TOO_LARGE: MAX_SANITIZED_CHARS,
  }[code];
  return Errors.htmlBounds(code, max, MESSAGES[code]);
}

/**
 * sanitize-html options that count elements and depth as the parser sees them (the same
 * htmlparser2 events the sanitiser acts on, implied closes included) and abort past a bound.
 * A fresh copy per call: the counters belong to one run.
 */
export function withHtmlBounds(options: sanitizeHtml.IOptions): sanitizeHtml.IOptions {
  let depth = 0;
  let elements = 0;
  return {
    ...options,
    onOpenTag: () => {
      if (++elements > MAX_HTML_ELEMENTS) throw new HtmlBoundsExceeded('HTML_TOO_MANY_ELEMENTS');
      if (++depth > MAX_HTML_DEPTH) throw new HtmlBoundsExceeded('HTML_TOO_DEEP');
    },
    onCloseTag: () => {
      depth--;
    },
  };
}
