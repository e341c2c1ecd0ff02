// The home page's "top issues now": which stories the presses are covering, freshest first.
// Each press that took an issue up counts once, weighted by how recent its newest article in the
// issue is (halving every RANK_HALF_LIFE_HOURS). Breadth across presses is the signal, so one
// prolific press cannot push its own story up; freshness keeps the box about now. The pool is
// every visible issue active within RANK_WINDOW_HOURS of the newest activity, so a story that
// five presses covered yesterday is still ranked today instead of falling out of a 24-hour cut.
import type { Db } from '../db/database.ts';
import { activeIssues, newestVisibleActivity, type IssueSummary } from './read-store.ts';

const HOUR = 3_600_000;
export const RANK_WINDOW_HOURS = 72;
export const RANK_HALF_LIFE_HOURS = 24;
const POOL = 60;

/** An issue's score from each covering press's newest article time, as of `anchor`. */
export function issueScore(newestByPress: readonly number[], anchor: number): number {
  let score = 0;
  for (const t of newestByPress) score += 0.5 ** (Math.max(0, anchor - t) / (RANK_HALF_LIFE_HOURS * HOUR));
  return score;
}

/** Per issue, the newest article time of each press covering it. */
async function newestByPress(db: Db, issueIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!issueIds.length) return out;
  const rows = await db
    .selectFrom('issue_articles')
    .select((eb) => ['issue_id', eb.fn.max('published_at').as('newest')])
    .where('issue_id', 'in', issueIds)
    .groupBy(['issue_id', 'press_id'])
    .execute();
  for (const r of rows) out.set(r.issue_id, [...(out.get(r.issue_id) ?? []), Number(r.newest)]);
  return out;
}

/**
 * The top `limit` visible issues. A quiet site ranks around its newest activity (never past `now`),
 * so a portal whose presses paused still shows its last stories instead of an empty box.
 */
export async function rankTopIssues(db: Db, now: number, limit: number): Promise<IssueSummary[]> {
  const newest = await newestVisibleActivity(db);
  if (newest === null) return [];
  const anchor = Math.min(now, newest);
  const pool = await activeIssues(db, { since: anchor - RANK_WINDOW_HOURS * HOUR, limit: POOL });
  const presses = await newestByPress(
    db,
    pool.map((i) => i.id),
  );
  return pool
    .map((i) => ({ i, s: issueScore(presses.get(i.id) ?? [], anchor) }))
    .sort((a, b) => b.s - a.s || b.i.lastAt - a.i.lastAt || a.i.id - b.i.id)
    .slice(0, limit)
    .map((x) => x.i);
}
