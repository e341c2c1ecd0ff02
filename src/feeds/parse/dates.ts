// Feed dates as epoch ms. Korean sites often write "KST" or a bare local time; both mean UTC+9.
// Unreadable dates give undefined (ingest then uses the time received). So do dates far in the
// future: a misconfigured clock must not pin a story to the top of every list, and clamping to
// "now" instead would change the item on every poll and make a new revision each time.

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
  return ms > now + FUTURE_TOLERANCE_MS ? undefined : ms;
}
