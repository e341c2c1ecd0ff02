// Data many renders show alike (the front page's boxes), read once and kept until a change that
// could alter it: the page cache keeps whole pages that way, this keeps what every page-cache miss
// would otherwise read again. It is dropped when the change bus announces one of its tags (or `*`,
// from any process) and when this process commits a withdrawal or a 속보, and it is never older
// than `maxMs` (a process that hears no other process's changes, like the site frame, catches up).
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

export class KeptUntilChange<T> {
  private value: Promise<T> | undefined;
  private loadedAt = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly options: KeptOptions,
  ) {
    options.changes?.subscribe((tags) => {
      if (tags.some((t) => t === ALL_CHANGED || options.tags.includes(t))) this.forget();
    });
    onArticleCommitted(options.db, () => this.forget());
  }

  /** Forgets the value: the next caller reads again. A read already under way is not kept. */
  forget(): void {
    this.value = undefined;
  }

  get(now = Date.now()): Promise<T> {
    if (!this.options.changes) return this.load();
    if (this.value && now - this.loadedAt < this.options.maxMs) return this.value;
    const loading = this.load();
    this.value = loading;
    this.loadedAt = now;
    // A failed read is not kept: the next caller tries again.
    loading.catch(() => {
      if (this.value === loading) this.value = undefined;
    });
    return loading;
  }
}
