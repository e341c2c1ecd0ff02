// Feed dates as epoch ms. Korean sites often write "KST" or a bare local time; both mean UTC+9.
// Unreadable dates give undefined (ingest then uses the time received); dates far in the future
// are clamped so a misconfigured clock cannot pin a story to the top of every list.

const FUTURE_TOLERANCE_MS = 15 * 60_000;

export function parseFeedDate(raw: string | undefined | null, now: number = Date.now()): number | undefined {
  if (!raw) return undefined;
  let text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  text = text.replace(/\bKST\b/i, '+0900');
  // "2024-10-01 09:00:00" or "2024.10.01 09:00" without a zone: local Korean time.
  const bare = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  let ms: number;
  if (bare) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = bare;
    ms = Date.UTC(+y!, +mo! - 1, +d!, +h - 9, +mi, +s);
  } else {
    ms = Date.parse(text);
  }
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1)) return undefined;
  return Math.min(ms, now + FUTURE_TOLERANCE_MS);
}
