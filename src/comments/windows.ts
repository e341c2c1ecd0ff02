// When an article takes comments: not when a press or editor closed it, not after a category's
// open period since publication, not during a category's night hours (Korean time). The rule in
// force is shown above the form.
import type { CommentArticle } from './article-ref.ts';

export type CommentWindow =
  | { open: true; closesAt?: number; night?: { from: number; to: number } }
  | {
      open: false;
      reason: 'closed' | 'expired' | 'night';
      closedAt?: number;
      night?: { from: number; to: number };
      opensAt?: number;
    };

function kstHour(now: number): number {
  return new Date(now + 9 * 3_600_000).getUTCHours();
}

function inNight(hour: number, from: number, to: number): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** The next time the hour is `to` o'clock in Korea, after `now`. */
function nextKstHour(now: number, to: number): number {
  const kst = now + 9 * 3_600_000;
  const dayStart = Math.floor(kst / 86_400_000) * 86_400_000;
  let at = dayStart + to * 3_600_000;
  if (at <= kst) at += 86_400_000;
  return at - 9 * 3_600_000;
}

/** The window in force, from what commentArticle read (no query of its own). */
export function commentWindow(article: CommentArticle, now = Date.now()): CommentWindow {
  if (article.closedAt !== null) return { open: false, reason: 'closed', closedAt: article.closedAt };
  const rules = article.categoryRules;
  let closesAt: number | undefined;
  let night: { from: number; to: number } | undefined;
  for (const r of rules) {
    if (r.open_hours !== null) {
      const end = article.publishedAt + r.open_hours * 3_600_000;
      closesAt = closesAt === undefined ? end : Math.min(closesAt, end);
    }
    if (r.night_from !== null && r.night_to !== null && r.night_from !== r.night_to)
      night ??= { from: r.night_from, to: r.night_to };
  }
  if (closesAt !== undefined && now >= closesAt) return { open: false, reason: 'expired', closedAt: closesAt };
  if (night && inNight(kstHour(now), night.from, night.to))
    return { open: false, reason: 'night', night, opensAt: nextKstHour(now, night.to) };
  return { open: true, ...(closesAt !== undefined ? { closesAt } : {}), ...(night ? { night } : {}) };
}
