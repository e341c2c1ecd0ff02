// Sanitising off the request thread. Small bodies (nearly all articles) are cleaned inline: a
// few milliseconds, no hand-off. Large ones go to a small piscina pool, so a hostile or merely
// huge body costs a worker thread, not every reader waiting on the event loop (/healthz
// stalled 6 s on one 199k-character body before). The bounds in html-bounds.ts hold either way.
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { Errors } from '../errors.ts';
import { htmlBoundsError } from './html-bounds.ts';
import { sanitizeBody, type SanitizedBody } from './sanitize-body.ts';

/**
 * Bodies at least this long are sanitised in the pool. Below it, the worst input the bounds allow
 * (nesting 255 deep over and over) costs about 16 ms inline on a loaded 2-core machine, well
 * inside the ~50 ms a reader may wait; most articles are shorter and skip the hand-off.
 */
export const POOL_THRESHOLD_CHARS = 8_000;
/** Two cores are common for a web process; the pool must not starve the event loop's own core. */
const MAX_THREADS = 2;
/** Waiting tasks beyond this are refused (503) rather than queued without end. */
const MAX_QUEUE = 256;

let pool: Piscina | undefined;

function sanitizerPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./sanitize-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: MAX_THREADS,
    maxQueue: MAX_QUEUE,
    // Idle threads leave, so one-shot CLI commands and tests are not kept alive by the pool.
    idleTimeout: 10_000,
  });
  return pool;
}

export interface CleanBody {
  html: string;
  text: string;
  /** The thread that did the work (the main thread's id when inline); for tests and logs. */
  threadId: number;
}

/** Sanitises an article body within the bounds, off the main thread when it is large. Throws AppError (422/503). */
export async function sanitizeArticleBody(raw: string): Promise<CleanBody> {
  let result: SanitizedBody & { threadId: number };
  if (raw.length < POOL_THRESHOLD_CHARS) {
    result = { ...sanitizeBody(raw), threadId };
  } else {
    try {
      result = await sanitizerPool().run({ html: raw });
    } catch (err) {
      if (err instanceof Error && /queue is at limit/i.test(err.message)) {
        throw Errors.busy(5);
      }
      throw err;
    }
  }
  if (!result.ok) throw htmlBoundsError(result.code);
  return { html: result.html, text: result.text, threadId: result.threadId };
}

/** Ends the pool's threads (graceful shutdown). */
export async function closeSanitizerPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
