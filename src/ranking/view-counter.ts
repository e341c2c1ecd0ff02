// Views are counted off the reading path: a beacon adds one to an in-memory buffer (deduplicated
// there already) and answers at once; every SOSIK_VIEW_FLUSH_SECONDS the buffer is written in one
// transaction. The database decides what counts: a view is new only if its (day, visitor hash,
// article) row could be inserted (insert-or-ignore on the primary key), so several processes on
// PostgreSQL, or a visitor seen by two of them, still count once. Only the rows inserted add to
// the hourly buckets and, for a signed-in reader with personalisation on, to their reading history.
// A crash loses what the buffer held (at most one flush interval); shutdown flushes (onClose).
import type { Trx } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { daySalt, epochHour, seoulDay, type VisitorSource, visitorHash } from './visitor.ts';

interface PendingView {
  day: number;
  at: number;
  articleId: number;
  who: VisitorSource;
}

/** A buffer bigger than this drops new views until the next flush (memory stays bounded). */
const MAX_PENDING = 100_000;
const CHUNK = 400;

function subjectOf(who: VisitorSource): string {
  return 'readerId' in who ? `r${who.readerId}` : `a${who.ip}|${who.userAgent}`;
}

export class ViewCounter {
  private pending = new Map<string, PendingView>();
  private flushing: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'log'>) {}

  /** Never waits and never throws: reading does not depend on counting. */
  add(articleId: number, who: VisitorSource, now = Date.now()): void {
    const day = seoulDay(now);
    const key = `${day}|${subjectOf(who)}|${articleId}`;
    if (this.pending.has(key) || this.pending.size >= MAX_PENDING) return;
    this.pending.set(key, { day, at: now, articleId, who });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes the buffer; resolves to the number of views that counted. One flush at a time. */
  async flush(): Promise<number> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return 0;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.write(batch).catch((err: unknown) => {
      this.deps.log.error({ err, views: batch.length }, 'view counts not written; kept for the next flush');
      for (const v of batch) this.add(v.articleId, v.who, v.at);
      return 0;
    });
    try {
      return await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  private async write(batch: PendingView[]): Promise<number> {
    const { db } = this.deps;
    const salts = new Map<number, string>();
    for (const day of new Set(batch.map((v) => v.day))) salts.set(day, await daySalt(db, day));
    const ids = [...new Set(batch.map((v) => v.articleId))];
    const articles = new Map<number, number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'press_id'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .where('status', '=', 'usable')
        .execute();
      for (const r of rows) articles.set(Number(r.id), Number(r.press_id));
    }
    const byKey = new Map<string, PendingView>();
    for (const v of batch) {
      if (!articles.has(v.articleId)) continue;
      byKey.set(`${v.day}|${visitorHash(salts.get(v.day)!, v.who)}|${v.articleId}`, v);
    }
    // A fixed order of keys: two processes inserting overlapping batches cannot deadlock.
    const rows = [...byKey.keys()].sort().map((k) => {
      const [day, visitor, article] = k.split('|');
      return { day: Number(day), visitor: visitor!, article_id: Number(article) };
    });
    const readerIds = [...new Set(batch.flatMap((v) => ('readerId' in v.who ? [v.who.readerId] : [])))];

    return db.transaction().execute(async (trx) => {
      const counted: PendingView[] = [];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const inserted = await trx
          .insertInto('ranking_view_seen')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['day', 'visitor', 'article_id']).doNothing())
          .returning(['day', 'visitor', 'article_id'])
          .execute();
        for (const r of inserted) counted.push(byKey.get(`${r.day}|${r.visitor}|${r.article_id}`)!);
      }
      const buckets = new Map<string, { hour: number; article_id: number; press_id: number; views: number }>();
      for (const v of counted) {
        const hour = epochHour(v.at);
        const key = `${hour}|${String(v.articleId).padStart(12, '0')}`;
        const b = buckets.get(key);
        if (b) b.views++;
        else buckets.set(key, { hour, article_id: v.articleId, press_id: articles.get(v.articleId)!, views: 1 });
      }
      const bucketRows = [...buckets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => b);
      for (let i = 0; i < bucketRows.length; i += CHUNK) {
        await trx
          .insertInto('ranking_view_hours')
          .values(bucketRows.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc
              .columns(['hour', 'article_id'])
              .doUpdateSet({ views: (eb) => eb('ranking_view_hours.views', '+', eb.ref('excluded.views')) }),
          )
          .execute();
      }
      await this.recordReads(trx, counted, readerIds);
      // Yesterday's rows are kept until the day after (a view at 23:59 flushed at 00:00 still dedupes).
      await trx
        .deleteFrom('ranking_view_seen')
        .where('day', '<', Math.max(...salts.keys()) - 1)
        .execute();
      return counted.length;
    });
  }

  /** Reading history of signed-in readers who did not switch personalisation off. */
  private async recordReads(trx: Trx, counted: PendingView[], readerIds: number[]): Promise<void> {
    if (readerIds.length === 0) return;
    // Readers who still exist (an account deleted since the beacon has no history) and kept it on.
    const keep = new Set(
      (
        await trx
          .selectFrom('readers')
          .leftJoin('ranking_reader_settings as s', 's.reader_id', 'readers.id')
          .select('readers.id')
          .where('readers.id', 'in', readerIds)
          .where((eb) => eb.or([eb('s.personalised', 'is', null), eb('s.personalised', '=', 1)]))
          .execute()
      ).map((r) => Number(r.id)),
    );
    const reads = new Map<string, { reader_id: number; article_id: number; read_at: number }>();
    for (const v of counted) {
      if (!('readerId' in v.who) || !keep.has(v.who.readerId)) continue;
      reads.set(`${String(v.who.readerId).padStart(12, '0')}|${String(v.articleId).padStart(12, '0')}`, {
        reader_id: v.who.readerId,
        article_id: v.articleId,
        read_at: v.at,
      });
    }
    const rows = [...reads.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('ranking_reads')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['reader_id', 'article_id']).doUpdateSet({ read_at: (eb) => eb.ref('excluded.read_at') }),
        )
        .execute();
    }
  }
}

const counters = new WeakMap<object, ViewCounter>();

/** The process's counter for these deps (made by the routes; tests flush it directly). */
export function viewCounterOf(deps: Pick<AppDeps, 'db' | 'log'>): ViewCounter {
  let c = counters.get(deps.db);
  if (!c) {
    c = new ViewCounter(deps);
    counters.set(deps.db, c);
  }
  return c;
}
