// Who hears about a changed thread. The page cache's tag invalidation (the `cache` branch) has
// not landed in main yet: `announceCommentChange` is the one hook to connect it to (tag
// `article:<id>`). Live viewers hear through the in-process SSE hub (live.ts).
import type { AppDeps } from '../capability.ts';
import { type CommentChange, publishLive } from './live.ts';

export type { CommentChange };

export function announceCommentChange(_deps: AppDeps, change: CommentChange): void {
  // TODO(cache): invalidate the article page's cache tag here once page-cache tags are in main.
  publishLive(change);
}
