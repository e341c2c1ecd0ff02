// The comments' own static files (served at /static/comments/ through the manifest's `assets`).
import type { CapabilityAssets } from '../capability.ts';
import { capabilityAssetUrl } from '../web/assets.ts';

export const COMMENTS_ASSETS: CapabilityAssets = {
  dir: new URL('./static/', import.meta.url),
  // The thread, its states, notifications and the studio queue, on every page that shows them.
  stylesheets: ['comments.css'],
};

/** The client island that posts forms in place and swaps in the reader's own thread. */
export function commentsScriptUrl(): string {
  return capabilityAssetUrl('comments', COMMENTS_ASSETS.dir, 'comments.js');
}
