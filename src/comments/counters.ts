// The posting limits, counted in the database: one conditional upsert of all the counters an
// action takes, inside the transaction that writes the comment (or like, or reaction). The
// upsert only bumps a counter whose WHERE still holds, so two server processes on one PostgreSQL cannot both take the last
// slot: the second waits on the row lock, re-reads the row and finds it full. A refusal rolls the
// whole transaction back, so nothing half-written stays.
import { sql } from 'kysely';
import type { Trx } from '../capability.ts';
import type { Config } from '../config.ts';
import { Errors } from '../errors.ts';

/** Which limit a counter enforces (names the i18n key `comments.limit.<name>`). */
export type LimitName = 'day' | 'article' | 'replies' | 'gap' | 'likes-day' | 'like-gap' | 'reactions-day';

export interface Counter {
  limit: LimitName;
  bucket: string;
  /** At most this many; undefined: no count limit (a gap only). */
  max?: number;
  /** At least this long since the last one. */
  gapMs?: number;
  /** When a full counter frees up again, from its last use; null: never (per-article limits). */
  resetsAt(lastAt: number): number | null;
}

const DAY_MS = 86_400_000;
/** Days run on Korean time (UTC+9, no daylight saving), as Naver's do. */
const KST_MS = 9 * 3_600_000;

export function kstDay(now: number): number {
  return Math.floor((now + KST_MS) / DAY_MS);
}

function nextKstMidnight(now: number): number {
  return (kstDay(now) + 1) * DAY_MS - KST_MS;
}

export function commentCounters(config: Config, articleId: number, isReply: boolean, now: number): Counter[] {
  const day = kstDay(now);
  return [
    { limit: 'day', bucket: `day:${day}`, max: config.commentsPerDay, resetsAt: () => nextKstMidnight(now) },
    isReply
      ? { limit: 'replies', bucket: `replies:${articleId}`, max: config.commentRepliesPerArticle, resetsAt: () => null }
      : { limit: 'article', bucket: `article:${articleId}`, max: config.commentsPerArticle, resetsAt: () => null },
    {
      limit: 'gap',
      bucket: 'gap',
      gapMs: config.commentGapSeconds * 1000,
      resetsAt: (last) => last + config.commentGapSeconds * 1000,
    },
  ];
}

export function likeCounters(config: Config, now: number): Counter[] {
  return [
    {
      limit: 'likes-day',
      bucket: `likes:${kstDay(now)}`,
      max: config.commentLikesPerDay,
      resetsAt: () => nextKstMidnight(now),
    },
    {
      limit: 'like-gap',
      bucket: 'like-gap',
      gapMs: config.commentLikeGapSeconds * 1000,
      resetsAt: (last) => last + config.commentLikeGapSeconds * 1000,
    },
  ];
}

export function reactionCounters(config: Config, now: number): Counter[] {
  return [
    {
      limit: 'reactions-day',
      bucket: `reactions:${kstDay(now)}`,
      max: config.reactionsPerDay,
      resetsAt: () => nextKstMidnight(now),
    },
  ];
}

/**
 * Takes one of each counter or throws COMMENT_LIMIT_REACHED naming the first (in order) that is
 * full. One statement for all of them: each row's conditional upsert bumps only a counter whose
 * own condition holds, and RETURNING says which did; when one did not, the caller's transaction
 * rolls the others back with the throw.
 */
export async function takeCounters(
  trx: Trx,
  readerId: number,
  counters: readonly Counter[],
  now: number,
): Promise<void> {
  const limited = counters.filter((c) => c.max !== undefined || c.gapMs);
  if (!limited.length) return;
  const taken = await trx
    .insertInto('comment_counters')
    .values(limited.map((c) => ({ reader_id: readerId, bucket: c.bucket, count: 1, last_at: now })))
    .onConflict((oc) =>
      oc
        .columns(['reader_id', 'bucket'])
        .doUpdateSet({ count: sql`comment_counters.count + 1`, last_at: now })
        .where((eb) =>
          eb.or(
            limited.map((c) =>
              eb.and([
                eb('comment_counters.bucket', '=', c.bucket),
                ...(c.max !== undefined ? [eb('comment_counters.count', '<', c.max)] : []),
                ...(c.gapMs ? [eb('comment_counters.last_at', '<=', now - c.gapMs)] : []),
              ]),
            ),
          ),
        ),
    )
    .returning('bucket')
    .execute();
  if (taken.length === limited.length) return;
  const got = new Set(taken.map((r) => r.bucket));
  const c = limited.find((x) => !got.has(x.bucket))!;
  const row = await trx
    .selectFrom('comment_counters')
    .select('last_at')
    .where('reader_id', '=', readerId)
    .where('bucket', '=', c.bucket)
    .executeTakeFirst();
  const resets = c.resetsAt(Number(row?.last_at ?? now));
  throw Errors.commentLimit(
    c.limit,
    c.max ?? Math.round((c.gapMs ?? 0) / 1000),
    resets === null ? 'never' : new Date(resets).toISOString(),
    resets === null ? undefined : Math.max(1, Math.ceil((resets - now) / 1000)),
  );
}
