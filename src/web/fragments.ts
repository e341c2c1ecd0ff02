// Parts of a page that many renders show alike, rendered to HTML once and put back with
// `dangerouslySetInnerHTML` on their wrapping element: keep one of these inside a value that is
// kept until a change (KeptUntilChange), so the HTML goes when the data it was rendered from goes.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** More keys than this (locales × variants) means a caller keys by something unbounded: start over. */
const MAX_KEYS = 64;

export class RenderedFragments {
  private readonly html = new Map<string, string>();

  /** The HTML of `render()` for `key` (locale, variant…), rendered the first time it is asked for. */
  // biome-ignore lint/suspicious/noExplicitAny: any component's props
  get(key: string, render: () => VNode<any>): string {
    let out = this.html.get(key);
    if (out === undefined) {
      if (this.html.size >= MAX_KEYS) this.html.clear();
      out = renderToString(render());
      this.html.set(key, out);
    }
    return out;
  }
}

/** Props for a wrapping element whose content is kept HTML: `<div class="x" {...innerHtml(html)} />`. */
export function innerHtml(html: string): { dangerouslySetInnerHTML: { __html: string } } {
  return { dangerouslySetInnerHTML: { __html: html } };
}
