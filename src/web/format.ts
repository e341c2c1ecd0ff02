// Dates as a Korean portal shows them. The newsroom's clock is Korea's, whatever the server's zone.
import type { Locale } from './i18n/index.ts';

export const NEWSROOM_TIME_ZONE = 'Asia/Seoul';

const KO_WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Formatters are costly to build; one, reused, splits a time into Seoul's calendar fields.
const fieldsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
  weekday: 'short',
});

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

// formatToParts dominates a list page's render time; pages show minutes, and the same few
// hundred minutes recur across requests, so each minute is split once (the map is bounded).
const fieldsByMinute = new Map<number, Fields>();
const FIELDS_CACHE_MAX = 20_000;

function fields(ms: number): Fields {
  const minute = Math.floor(ms / 60_000);
  let f = fieldsByMinute.get(minute);
  if (!f) {
    if (fieldsByMinute.size >= FIELDS_CACHE_MAX) fieldsByMinute.clear();
    f = splitTime(minute * 60_000);
    fieldsByMinute.set(minute, f);
  }
  return f;
}

function splitTime(ms: number): Fields {
  const out: Record<string, string> = {};
  for (const p of fieldsFormat.formatToParts(new Date(ms))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    weekday: EN_WEEKDAYS.indexOf(out.weekday ?? 'Sun'),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "11.28 (토)" in Korean, "Sat, Nov 28" in English: the header's date and the article's dateline. */
export function shortDate(locale: Locale, ms: number): string {
  const f = fields(ms);
  if (locale === 'ko') return `${two(f.month)}.${two(f.day)} (${KO_WEEKDAYS[f.weekday]})`;
  return `${EN_WEEKDAYS[f.weekday]}, ${EN_MONTHS[f.month - 1]} ${f.day}`;
}

/** "2025.11.28. 오후 3:05" / "Nov 28, 2025, 3:05 PM": published and updated times. */
export function dateTime(locale: Locale, ms: number): string {
  const f = fields(ms);
  const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  if (locale === 'ko') {
    return `${f.year}.${two(f.month)}.${two(f.day)}. ${f.hour < 12 ? '오전' : '오후'} ${h12}:${two(f.minute)}`;
  }
  return `${EN_MONTHS[f.month - 1]} ${f.day}, ${f.year}, ${h12}:${two(f.minute)} ${f.hour < 12 ? 'AM' : 'PM'}`;
}

/** "11.28 15:05" / "Nov 28, 15:05": compact times in article lists. */
export function listTime(locale: Locale, ms: number): string {
  const f = fields(ms);
  if (locale === 'ko') return `${two(f.month)}.${two(f.day)} ${two(f.hour)}:${two(f.minute)}`;
  return `${EN_MONTHS[f.month - 1]} ${f.day}, ${two(f.hour)}:${two(f.minute)}`;
}

/** Machine-readable time for <time datetime> and JSON-LD. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
