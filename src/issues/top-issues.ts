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

/**
 * Members of an issue the ranking reads, newest first. A story's presses all show up among its
 * newest articles; an older article of a press that has since gone quiet would add almost
 * nothing after halving for days. Reading only these keeps the box's cost the same for an issue
 * of 50 articles and one of 50,000.
 */
export const RANKED_MEMBERS = 200;

/** Per issue, the newest article time of each press among its newest RANKED_MEMBERS articles. */
async function newestByPress(db: Db, issueIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!issueIds.length) return out;
  // One index walk per issue (issue_articles_timeline), stopping at its limit.
  const [first, ...rest] = issueIds.map((id) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('issue_articles')
          .select(['issue_id', 'press_id', 'published_at'])
          .where('issue_id', '=', id)
          .orderBy('published_at', 'desc')
          .limit(RANKED_MEMBERS)
          .as('m'),
      )
      .selectAll(),
  );
  let q = first!;
  for (const next of rest) q = q.unionAll(next);
  const newest = new Map<number, Map<number, number>>();
  for (const r of await q.execute()) {
    const byPress = newest.get(r.issue_id) ?? new Map<number, number>();
    newest.set(r.issue_id, byPress);
    byPress.set(r.press_id, Math.max(byPress.get(r.press_id) ?? 0, Number(r.published_at)));
  }
  for (const [issueId, byPress] of newest) out.set(issueId, [...byPress.values()]);
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
