// Every way pulling a feed can fail, as a stable code. The code is stored on the feed row and
// turned into words (Korean / English) by the `feeds.error.<CODE>` strings in src/web/i18n/*/feeds.ts,
// shown in studio/health-view.tsx; `message` is the English detail.

export const FEED_ERROR_CODES = [
  'FEED_BAD_URL',
  'FEED_PRIVATE_ADDRESS',
  'FEED_DNS',
  'FEED_NETWORK',
  'FEED_TIMEOUT',
  'FEED_IDLE_TIMEOUT',
  'FEED_TOO_LARGE',
  'FEED_TOO_MANY_REDIRECTS',
  'FEED_REDIRECT_LOOP',
  'FEED_HTTP_STATUS',
  'FEED_RATE_LIMITED',
  'FEED_ENTITIES_REFUSED',
  'FEED_MALFORMED',
  'FEED_NOT_A_FEED',
  'FEED_INGEST',
] as const;

export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly extra: { status?: number; retryAfterMs?: number; itemsTaken?: number } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Wraps anything thrown while polling into a FeedError so the feed row always gets a code. */
export function asFeedError(err: unknown): FeedError {
  if (err instanceof FeedError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new FeedError('FEED_NETWORK', message, {}, { cause: err });
}
