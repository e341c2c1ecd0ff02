// New comments while the page is open: a server-sent events stream per article, fed in-process
// (one server on SQLite; several on PostgreSQL would need a shared channel such as LISTEN/NOTIFY).
export interface CommentChange {
  articleId: number;
  commentId: number;
  kind: 'posted' | 'changed';
  /** The reader who caused it (their own page does not need the live notice). */
  readerId: number | null;
}

type Listener = (change: CommentChange) => void;
const listeners = new Map<number, Set<Listener>>();
/** Open streams per process, so a flood of tabs cannot hold unbounded sockets. */
export const MAX_LIVE_STREAMS = 2000;
let open = 0;

export function publishLive(change: CommentChange): void {
  for (const l of listeners.get(change.articleId) ?? []) l(change);
}

/** Subscribes to one article's changes; returns the unsubscribe, or undefined when full. */
export function subscribeLive(articleId: number, listener: Listener): (() => void) | undefined {
  if (open >= MAX_LIVE_STREAMS) return undefined;
  open++;
  let set = listeners.get(articleId);
  if (!set) {
    set = new Set();
    listeners.set(articleId, set);
  }
  set.add(listener);
  return () => {
    open--;
    set.delete(listener);
    if (set.size === 0) listeners.delete(articleId);
  };
}
