// When to poll a feed next: its own pace with jitter after a success; exponential backoff after
// failures, never sooner than a server's Retry-After.

const MAX_BACKOFF_MS = 24 * 3_600_000;
const MAX_RETRY_AFTER_MS = 7 * 24 * 3_600_000;
const JITTER = 0.1;

function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (1 - JITTER + random() * 2 * JITTER));
}

export function nextPollAfterSuccess(intervalSeconds: number, now: number, random: () => number = Math.random): number {
  return now + jittered(intervalSeconds * 1000, random);
}

/** errorCount counts this failure too (1 after the first failure). */
export function nextPollAfterFailure(
  intervalSeconds: number,
  errorCount: number,
  now: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const backoff = Math.min(MAX_BACKOFF_MS, intervalSeconds * 1000 * 2 ** Math.min(Math.max(errorCount - 1, 0), 10));
  const wait = Math.max(jittered(backoff, random), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  return now + wait;
}
