// In-process notices of article changes this process has just committed, for what keeps a copy
// in memory (the site frame's latest headlines and breaking banner). Durable follow-up work is a
// job (`onArticleChanged`); this is only "look again now" within one process, keyed by the
// database handle so two apps in one test process never hear each other. Other processes catch
// up on their own schedule (the frame's TTL; cross-process invalidation is the page cache's).
import type { Db } from '../db/database.ts';

export interface ArticleCommitted {
  articleId: number;
  /** What changed that lists and banners care about. */
  change: 'withdrawn' | 'breaking';
}

type Listener = (event: ArticleCommitted) => void | Promise<void>;

const listeners = new WeakMap<Db, Set<Listener>>();

/** Subscribes to this database's article commits; returns the unsubscribe function. */
export function onArticleCommitted(db: Db, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Tells this process's listeners and waits for them, so the answer to the request that made the
 * change (and every page after it) already reflects it. A listener that fails never breaks the
 * commit that called it: a stale in-memory copy is corrected by its own TTL.
 */
export async function articleCommitted(db: Db, event: ArticleCommitted): Promise<void> {
  await Promise.all([...(listeners.get(db) ?? [])].map(async (listener) => listener(event))).catch(() => {});
}
