// Who hears about a changed thread, after its commit, through the change bus: every process's
// page cache (the article page shows the comment count and the first comments: tag
// `article:<id>`) and every process's live viewers (live.ts: tag `comments.live:…`).
import type { AppDeps } from '../capability.ts';
import { announceChanges } from '../db/change-bus.ts';
import { type CommentChange, liveTag } from './live.ts';

export type { CommentChange };

export function announceCommentChange(deps: AppDeps, change: CommentChange): void {
  announceChanges(deps, [`article:${change.articleId}`, liveTag(change)]);
}
