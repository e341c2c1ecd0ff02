// 속보 (breaking news): an article the press sent with ninjs urgency 1–2, or one a staff member
// flagged in the studio. Both routes end in `breaking_at`, the time it became breaking, so the
// banner on every page is one indexed query (newest breaking_at within the last hour).
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { articleCommitted } from '../jobs/article-events.ts';
import './tables.ts';

/** ninjs urgency at or under this (1 is the most urgent) makes an article breaking news. */
export const BREAKING_URGENCY = 2;
/** How long a breaking article stays in the banner. */
export const BREAKING_WINDOW_MS = 60 * 60 * 1000;

export function isUrgent(urgency: number | null | undefined): boolean {
  return typeof urgency === 'number' && urgency >= 1 && urgency <= BREAKING_URGENCY;
}

interface BreakingState {
  breaking_at: number | null;
  breaking_flagged_at: number | null;
}

/**
 * `breaking_at` after a press delivery: a staff flag stands whatever the press sends; otherwise
 * urgency decides, and an article that becomes urgent in a later revision is breaking from now
 * (not from its first publication, which may be long past).
 */
export function breakingAtOnIngest(
  existing: BreakingState | undefined,
  urgency: number | undefined,
  firstCreated: number,
  now: number,
): number | null {
  if (existing?.breaking_flagged_at != null) return existing.breaking_at ?? Number(existing.breaking_flagged_at);
  if (!isUrgent(urgency)) return null;
  if (!existing) return firstCreated;
  return existing.breaking_at != null ? Number(existing.breaking_at) : now;
}

/** A staff member's flag on or off; returns false when there is no such article. */
export async function setBreakingFlag(
  deps: Pick<AppDeps, 'db'>,
  articleId: number,
  on: boolean,
  now = Date.now(),
): Promise<boolean> {
  const article = await deps.db
    .selectFrom('articles')
    .select(['id', 'urgency', 'first_created_at'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return false;
  // Unflagged, the press's own urgency still counts (from its publication, as at ingest).
  const breakingAt = on ? now : isUrgent(article.urgency) ? Number(article.first_created_at) : null;
  await deps.db
    .updateTable('articles')
    .set({ breaking_flagged_at: on ? now : null, breaking_at: breakingAt })
    .where('id', '=', articleId)
    .execute();
  await articleCommitted(deps.db, { articleId, change: 'breaking' });
  return true;
}

export interface BreakingArticle {
  id: number;
  headline: string;
  lang: string;
  at: number;
}

/** The newest published breaking article of the last hour (index articles_status_breaking). */
export async function newestBreaking(db: Db, now = Date.now()): Promise<BreakingArticle | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'lang', 'breaking_at'])
    .where('breaking_at', '>=', now - BREAKING_WINDOW_MS)
    .where('status', '=', 'usable')
    .orderBy('breaking_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, headline: row.headline, lang: row.lang, at: Number(row.breaking_at) } : undefined;
}
