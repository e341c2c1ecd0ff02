// When a reader's next digest is due: the next instant after `now` at which it is `hour`:00 in the
// reader's time zone (and, weekly, on `weekday`). Walks quarter hours, so zones at :30 and :45
// offsets and daylight-saving jumps come out right without a time-zone table of our own.
import type { DigestFrequency } from './tables.ts';

const QUARTER = 15 * 60_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function localParts(fmt: Intl.DateTimeFormat, at: number): { hour: number; minute: number; weekday: number } {
  let hour = 0;
  let minute = 0;
  let weekday = 0;
  for (const p of fmt.formatToParts(at)) {
    if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
    else if (p.type === 'weekday') weekday = WEEKDAYS.indexOf(p.value);
  }
  return { hour, minute, weekday };
}

export function nextDigestAt(
  now: number,
  timeZone: string,
  frequency: DigestFrequency,
  hour: number,
  weekday: number,
): number | null {
  if (frequency === 'off') return null;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
  } catch {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Seoul',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
  }
  let at = Math.floor(now / QUARTER) * QUARTER + QUARTER;
  // Eight days of quarter hours: a weekly slot always falls inside (a skipped DST hour moves to the next day).
  for (let i = 0; i < 8 * 96; i++, at += QUARTER) {
    const p = localParts(fmt, at);
    if (p.minute === 0 && p.hour === hour && (frequency === 'daily' || p.weekday === weekday)) return at;
  }
  return null;
}
