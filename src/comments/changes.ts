// Who hears about a changed thread, after its commit: every process's page cache (the article
// page shows the comment count and the first comments: tag `article:<id>`), and the live viewers
// of this process (the in-process SSE hub, live.ts).
import type { AppDeps } from '../capability.ts';
import { announceChanges } from '../db/change-bus.ts';
import { type CommentChange, publishLive } from './live.ts';

export type { CommentChange };

export function announceCommentChange(deps: AppDeps, change: CommentChange): void {
  announceChanges(deps, [`article:${change.articleId}`]);
  publishLive(change);
}
