// Polls feeds: fetch safely, decode, parse, and hand every item to the shared article ingest.
// A failing feed gets a code, a message and a backoff on its own row and harms nothing else.
import { ingestArticle } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { withBusyRetry } from './busy-retry.ts';
import { asFeedError, FeedError } from './feed-error.ts';
import { safeFetch, type SafeFetchOptions } from './fetch/safe-fetch.ts';
import { itemToArticleInput } from './item-to-article.ts';
import { decodeFeedBytes } from './parse/decode.ts';
import { parseFeedText } from './parse/parse-feed.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule.ts';
import { claimFeed, dueFeeds, recordFailure, recordSuccess } from './store.ts';
import type { FeedRow } from './tables.ts';
import { feedPolls } from '../web/metrics.ts';

/** Items read per poll; feeds list newest first and older items were taken on earlier polls. */
const MAX_ITEMS_PER_POLL = 500;
/** How long a claimed feed stays invisible to other pollers (a poll that dies is retried then). */
const CLAIM_LEASE_MS = 10 * 60_000;

export interface PollOptions {
  now?: () => number;
  random?: () => number;
  /** Overrides of the fetch options the configuration gives (tests: allowAddresses, resolve). */
  fetch?: SafeFetchOptions;
}

export type PollOutcome =
  | { feedId: number; status: 'ok'; seen: number; taken: number; failedItems: number }
  | { feedId: number; status: 'not-modified' }
  | { feedId: number; status: 'error'; code: string; message: string; nextPollAt: number }
  | { feedId: number; status: 'skipped' };

export function fetchOptionsFromConfig(deps: AppDeps): SafeFetchOptions {
  return {
    allowPrivate: deps.config.feedsAllowPrivate,
    maxBytes: deps.config.feedsMaxBytes,
    timeoutMs: deps.config.feedsTimeoutMs,
  };
}

/** Polls one feed now, records the outcome on its row, and returns it. */
export async function pollFeed(deps: AppDeps, feed: FeedRow, options: PollOptions = {}): Promise<PollOutcome> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const started = now();
  try {
    const fetched = await safeFetch(feed.url, {
      ...fetchOptionsFromConfig(deps),
      ...options.fetch,
      etag: feed.etag,
      lastModified: feed.last_modified,
    });
    const nextPollAt = nextPollAfterSuccess(feed.interval_seconds, now(), random);
    if (fetched.kind === 'not-modified') {
      await withBusyRetry(() =>
        recordSuccess(deps.db, feed.id, {
          now: now(),
          nextPollAt,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          itemsTaken: 0,
        }),
      );
      return { feedId: feed.id, status: 'not-modified' };
    }
    const text = decodeFeedBytes(fetched.body, fetched.contentType).text;
    const parsed = parseFeedText(text, { baseUrl: fetched.url, now: started, maxItems: MAX_ITEMS_PER_POLL });
    let taken = 0;
    let failedItems = 0;
    // Items the store could not take for now (the database said no) must be seen again; items
    // refused for what they are (over the article limits, a client error) would be refused again:
    // they are counted and logged, and never hold the feed back.
    let unstored = 0;
    let lastItemError: unknown;
    for (const item of parsed.items) {
      try {
        const result = await withBusyRetry(
          () =>
            ingestArticle(deps, {
              pressId: feed.press_id,
              source: 'feed',
              input: itemToArticleInput(item, parsed),
              original: { feedId: feed.id, feedUrl: fetched.url, format: parsed.format, item: item.raw },
              now: now(),
            }),
          {
            onRetry: (err, attempt) =>
              deps.log.info(
                { err, feedId: feed.id, itemId: item.id, attempt },
                'database busy; feed item waits its turn',
              ),
          },
        );
        if (result.changed) taken++;
      } catch (err) {
        failedItems++;
        if (!(err instanceof AppError && err.status < 500)) {
          unstored++;
          lastItemError = err;
        }
        deps.log.warn({ err, feedId: feed.id, itemId: item.id }, 'feed item not ingested');
      }
    }
    if (unstored > 0) {
      // An item seen but not stored must be seen again: the poll fails (so `feeds poll` exits 1 and
      // the feed backs off), and the validators stay as they were, so the next poll fetches the whole
      // feed again instead of a 304 hiding the lost items for good. Stored items are counted.
      throw new FeedError(
        'FEED_INGEST',
        `${unstored} of ${parsed.items.length} items could not be stored (${(lastItemError as Error)?.message}); the next poll takes them again`,
        { itemsTaken: taken },
        { cause: lastItemError },
      );
    }
    await withBusyRetry(() =>
      recordSuccess(deps.db, feed.id, {
        now: now(),
        nextPollAt,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        ...(parsed.title ? { title: parsed.title } : {}),
        itemsSeen: parsed.items.length,
        itemsTaken: taken,
      }),
    );
    return { feedId: feed.id, status: 'ok', seen: parsed.items.length, taken, failedItems };
  } catch (err) {
    const error = asFeedError(err);
    const errorCount = feed.error_count + 1;
    // Items not stored are no reason to poll the feed less: the server answered, and the next poll
    // at the usual pace takes the lost items (and any new ones) again, so FEED_INGEST does not back off.
    const backoffCount = error.code === 'FEED_INGEST' ? 1 : errorCount;
    const nextPollAt = nextPollAfterFailure(
      feed.interval_seconds,
      backoffCount,
      now(),
      error.extra.retryAfterMs,
      random,
    );
    await withBusyRetry(() =>
      recordFailure(deps.db, feed.id, {
        now: now(),
        nextPollAt,
        code: error.code,
        message: error.message,
        errorCount,
        itemsTaken: error.extra.itemsTaken ?? 0,
      }),
    );
    deps.log.info({ feedId: feed.id, url: feed.url, code: error.code, detail: error.message }, 'feed poll failed');
    return { feedId: feed.id, status: 'error', code: error.code, message: error.message, nextPollAt };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export interface PollDueOptions extends PollOptions {
  limit?: number;
}

/**
 * Polls every due feed once: at most feedsConcurrency at a time in total and
 * feedsHostConcurrency per host, so one slow host never holds up the rest.
 */
export async function pollDueFeeds(deps: AppDeps, options: PollDueOptions = {}): Promise<PollOutcome[]> {
  const now = options.now ?? Date.now;
  const due = await dueFeeds(deps.db, now(), options.limit ?? 1000);
  const waiting = [...due];
  const perHost = new Map<string, number>();
  const outcomes: PollOutcome[] = [];
  const total = Math.max(1, deps.config.feedsConcurrency);
  const hostLimit = Math.max(1, deps.config.feedsHostConcurrency);

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const launch = () => {
      while (running < total) {
        const index = waiting.findIndex((f) => (perHost.get(hostOf(f.url)) ?? 0) < hostLimit);
        if (index === -1) break;
        const feed = waiting.splice(index, 1)[0]!;
        const host = hostOf(feed.url);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        running++;
        void (async () => {
          try {
            const claimedAt = now();
            if (await withBusyRetry(() => claimFeed(deps.db, feed, claimedAt, CLAIM_LEASE_MS))) {
              const outcome = await pollFeed(deps, { ...feed, next_poll_at: claimedAt + CLAIM_LEASE_MS }, options);
              feedPolls.inc({ outcome: outcome.status });
              outcomes.push(outcome);
            } else outcomes.push({ feedId: feed.id, status: 'skipped' });
          } catch (err) {
            // Only the database can fail here (pollFeed records its own failures); say so, so that
            // `feeds poll` exits 1 rather than reporting a poll that never happened as fine.
            deps.log.error({ err, feedId: feed.id }, 'feed poll crashed');
            outcomes.push({
              feedId: feed.id,
              status: 'error',
              code: 'FEED_INGEST',
              message: `the poll could not be recorded: ${(err as Error).message}`,
              nextPollAt: feed.next_poll_at,
            });
          } finally {
            running--;
            perHost.set(host, (perHost.get(host) ?? 1) - 1);
            launch();
          }
        })();
      }
      if (running === 0 && waiting.length === 0) resolveAll();
    };
    launch();
  });
  return outcomes;
}

const LOOP_TICK_MS = 30_000;

/** The server's background poller: checks for due feeds every 30 s until stopped. */
export function startFeedPolling(deps: AppDeps, tickMs = LOOP_TICK_MS): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    current = pollDueFeeds(deps)
      .catch((err) => deps.log.error({ err }, 'feed polling failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs).unref();
      });
  };
  timer = setTimeout(tick, Math.min(tickMs, 2_000)).unref();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}
