// Writes from two processes on one SQLite file (`sosik feeds poll` from cron next to a running
// `sosik serve`) take turns: SQLite answers SQLITE_BUSY when the other process held the write lock
// for longer than busy_timeout. That is "wait", not "fail", so the write is tried again after an
// asynchronous pause (the event loop stays free) with exponential backoff and jitter, instead of
// the item being dropped. PostgreSQL never raises these codes, so there this is a plain call.

export interface BusyRetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Pause before the first retry; doubled each time. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each pause (logging). */
  onRetry?: (err: unknown, attempt: number) => void;
}

/** True for SQLite's "another connection holds the lock" errors (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…). */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export async function withBusyRetry<T>(fn: () => Promise<T>, options: BusyRetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 8);
  let delay = options.firstDelayMs ?? 50;
  const maxDelay = options.maxDelayMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isSqliteBusy(err) || attempt >= attempts) throw err;
      options.onRetry?.(err, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
