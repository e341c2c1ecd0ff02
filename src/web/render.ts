// Turns a page's virtual DOM into the HTML document sent to the reader.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

// biome-ignore lint/suspicious/noExplicitAny: any page component's props
export function renderDocument(page: VNode<any>): string {
  return '<!doctype html>' + renderToString(page);
}

/**
 * JSON for a <script type="application/ld+json"> block. The script element's text is raw, so "<"
 * (a would-be "</script>"), ">" , "&" and the JS line separators are escaped as \uXXXX — still
 * the same JSON to a parser, but never markup.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
