// New comments while the page is open: a server-sent events stream per article. A change travels
// as one tag on the kernel's change bus (`comments.live:<article>:<comment>:<kind>`, announced
// with the page-cache tags after the commit), so a viewer on any process hears a comment posted
// through any other (PostgreSQL LISTEN/NOTIFY or Redis between processes; in-process on SQLite).
import { ALL_CHANGED, type ChangeBus } from '../db/change-bus.ts';

export interface CommentChange {
  articleId: number;
  commentId: number;
  /** posted: newly visible to everyone (written, or approved from the queue); changed: anything else. */
  kind: 'posted' | 'changed';
}

/** What a stream hears: a change, or "changes may have been missed" (the bus reconnected). */
export type LiveEvent = CommentChange | { kind: 'missed' };

const PREFIX = 'comments.live:';
const TAG = /^comments\.live:(\d{1,15}):(\d{1,15}):(posted|changed)$/;

export function liveTag(change: CommentChange): string {
  return `${PREFIX}${change.articleId}:${change.commentId}:${change.kind}`;
}

export function changeOfTag(tag: string): CommentChange | undefined {
  const m = TAG.exec(tag);
  if (!m) return undefined;
  return { articleId: Number(m[1]), commentId: Number(m[2]), kind: m[3] as CommentChange['kind'] };
}

type Listener = (event: LiveEvent) => void;

/** One app's live viewers, by article, fed from the change bus. */
export class LiveHub {
  private readonly listeners = new Map<number, Set<Listener>>();

  /** Listens to the bus; returns the unsubscribe. */
  attach(bus: ChangeBus): () => void {
    return bus.subscribe((tags) => this.hear(tags));
  }

  hear(tags: readonly string[]): void {
    if (tags.includes(ALL_CHANGED)) {
      for (const set of this.listeners.values()) for (const l of set) l({ kind: 'missed' });
      return;
    }
    for (const tag of tags) {
      if (!tag.startsWith(PREFIX)) continue;
      const change = changeOfTag(tag);
      if (change) for (const l of this.listeners.get(change.articleId) ?? []) l(change);
    }
  }

  /** Subscribes to one article's changes; returns the unsubscribe (streams are capped by their owner). */
  subscribe(articleId: number, listener: Listener): () => void {
    let set = this.listeners.get(articleId);
    if (!set) {
      set = new Set();
      this.listeners.set(articleId, set);
    }
    set.add(listener);
    const own = set;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      own.delete(listener);
      if (own.size === 0) this.listeners.delete(articleId);
    };
  }
}
