// Data many renders show alike (the front page's boxes, an issue's timeline), read once and kept
// until a change that could alter it: the page cache keeps whole pages that way, this keeps what
// every page-cache miss would otherwise read again. A value is dropped when the change bus
// announces one of its tags (or `*`, from any process) and when this process commits a withdrawal
// or a 속보, and it is never older than `maxMs` (a process that hears no other process's changes,
// like the site frame, catches up).
// Without a change bus nothing is kept: a change could not reach it.
import type { ChangeBus } from '../db/change-bus.ts';
import { ALL_CHANGED } from '../db/change-bus.ts';
import type { Db } from '../db/database.ts';
import { onArticleCommitted } from '../jobs/article-events.ts';

export interface KeptOptions {
  changes: ChangeBus | undefined;
  /** Announced tags that may change the value. */
  tags: readonly string[];
  /** Article commits of this process (withdrawn, 속보) drop it too. */
  db: Db;
  maxMs: number;
}

export interface KeptByKeyOptions<K> extends Omit<KeptOptions, 'tags'> {
  /** Announced tags that may change the value kept for `key` (e.g. `issue:7`). */
  tags: (key: K) => readonly string[];
  /** At most this many keys are kept; the oldest loaded goes first. */
  maxKeys: number;
}

interface Kept<T> {
  value: Promise<T>;
  loadedAt: number;
  tags: readonly string[];
}

/** One value per key (an issue, an article), each dropped by its own tags; one bus subscription for all. */
export class KeptByKey<K, T> {
  private readonly entries = new Map<K, Kept<T>>();

  constructor(private readonly options: KeptByKeyOptions<K>) {
    options.changes?.subscribe((tags) => {
      if (tags.includes(ALL_CHANGED)) return this.forgetAll();
      for (const [key, kept] of this.entries) if (kept.tags.some((t) => tags.includes(t))) this.entries.delete(key);
    });
    onArticleCommitted(options.db, () => this.forgetAll());
  }

  /** Forgets every value: the next callers read again. A read already under way is not kept. */
  forgetAll(): void {
    this.entries.clear();
  }

  /** The value kept for `key`, or what `load` reads for it (kept for the next callers). */
  get(key: K, load: () => Promise<T>, now = Date.now()): Promise<T> {
    if (!this.options.changes) return load();
    const kept = this.entries.get(key);
    if (kept && now - kept.loadedAt < this.options.maxMs) return kept.value;
    if (kept) this.entries.delete(key);
    else if (this.entries.size >= this.options.maxKeys) this.entries.delete(this.entries.keys().next().value as K);
    const loading = load();
    const entry = { value: loading, loadedAt: now, tags: this.options.tags(key) };
    this.entries.set(key, entry);
    // A failed read is not kept: the next caller tries again.
    loading.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return loading;
  }
}

/** One value (the front page's boxes): a KeptByKey of a single key. */
export class KeptUntilChange<T> {
  private readonly kept: KeptByKey<'value', T>;

  constructor(
    private readonly load: () => Promise<T>,
    options: KeptOptions,
  ) {
    this.kept = new KeptByKey({ ...options, tags: () => options.tags, maxKeys: 1 });
  }

  /** Forgets the value: the next caller reads again. A read already under way is not kept. */
  forget(): void {
    this.kept.forgetAll();
  }

  get(now = Date.now()): Promise<T> {
    return this.kept.get('value', this.load, now);
  }
}
