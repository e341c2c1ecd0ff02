// Feed dates as epoch ms, read strictly: every part of the text must be understood, so garbage
// gives "no date" (ingest then uses the time received) instead of a wrong one. V8's Date.parse is
// not used: it reads "Sun, Dec x 2012" as 1 December 2012.
// Forms read: RFC 822 / 1123 / 2822 and their usual variants, ISO 8601 and W3C-DTF (including
// compact "031231", ordinal "2003-335" and week-less reduced forms), asctime, and the Korean forms
// "2004-05-25 오후 11:23:17" and "2004년 05월 28일 01:31:15".
// A date or time without a zone is Korean local time, UTC+9 (and so is "KST"): Korean CMSs write
// it so, and for foreign feeds the error is at most a few hours on an item's date. Dates far in the
// future give undefined too: a misconfigured clock must not pin a story to the top of every list,
// and clamping to "now" instead would change the item on every poll and make a new revision each time.
const FUTURE_TOLERANCE_MS = 15 * 60_000;
const LOCAL_OFFSET_MIN = 9 * 60;

// Zone names and their offsets in minutes: feedparser's table (_parse_date_rfc822), which adds the
// US single-letter zones (AT, ET, CT, MT, PT) and MET/MEST to RFC 822's, plus KST and JST.
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  'ETC/GMT': 0,
  'ETC/UTC': 0,
  ADT: -180,
  AST: -240,
  AT: -240,
  EDT: -240,
  EST: -300,
  ET: -300,
  CDT: -300,
  CST: -360,
  CT: -360,
  MDT: -360,
  MST: -420,
  MT: -420,
  PDT: -420,
  PST: -480,
  PT: -480,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  MET: 60,
  MEST: 120,
  CET: 60,
  CEST: 120,
  BST: 60,
  WET: 0,
  WEST: 60,
  EET: 120,
  EEST: 180,
  KST: 540,
  JST: 540,
  // RFC 822 military letters, as feedparser reads them (A = -1 h … M = -12 h, N = +1 h … Y = +12 h).
  A: -60,
  N: 60,
  M: -720,
  Y: 720,
};

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const DAYS = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\.?,?$/i;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset east of UTC in minutes; undefined means local (UTC+9). */
  offset?: number;
}

function toEpoch(p: Parts): number | undefined {
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || p.h > 24 || p.mi > 59 || p.s > 60) return undefined;
  const date = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  date.setUTCFullYear(p.y); // years 0–99 are years, not 1900 + y
  if (date.getUTCMonth() !== p.mo - 1) return undefined; // 31 February
  return date.getTime() + ((p.h * 60 + p.mi - (p.offset ?? LOCAL_OFFSET_MIN)) * 60 + Math.min(p.s, 59)) * 1000 + p.ms;
}

/** "+0900", "-05:00", "+9", "GMT+9", "UTC-05:00", a zone name, or "Etc/GMT+5" (POSIX sign: UTC−5). */
function zoneOffset(raw: string): number | undefined {
  const z = raw.toUpperCase();
  const numeric = /^(?:(?:GMT|UTC|UT)(?=[+-]))?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (numeric) {
    const minutes = +numeric[2]! * 60 + +(numeric[3] ?? 0);
    return minutes > 14 * 60 ? undefined : numeric[1] === '-' ? -minutes : minutes;
  }
  const posix = /^ETC\/GMT([+-])(\d{1,2})$/.exec(z);
  if (posix) return (posix[1] === '+' ? -1 : 1) * +posix[2]! * 60;
  return ZONES[z];
}

function expandYear(y: string): number {
  const n = +y;
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n; // RFC 2822 §4.3
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;

const TIME_TOKEN = new RegExp(`^${TIME}$`);

function fraction(f: string | undefined): number {
  return f ? Math.round(+`0.${f}` * 1000) : 0;
}

const ISO = new RegExp(
  String.raw`^(\d{4}|\d{2})(?:-?(\d{2})(?:-?(\d{2}))?|-?(\d{3}))?` +
    String.raw`(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z/]+)?$`,
  'i',
);

/** ISO 8601 / W3C-DTF, extended and basic, calendar and ordinal dates, two-digit years. */
function parseIso(text: string): number | undefined {
  // Six bare digits are YYMMDD ("031231" is 31 December 2003), as feedparser reads them.
  const compact = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (compact)
    return toEpoch({ y: expandYear(compact[1]!), mo: +compact[2]!, d: +compact[3]!, h: 0, mi: 0, s: 0, ms: 0 });
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, year, month, day, ordinal, h, mi, s, frac, zone] = m;
  // A bare 4-digit number with nothing else is a year, but a bare 2-digit one is not a date.
  if (year!.length === 2 && !month && !ordinal) return undefined;
  // "2024-1001" or "20241001"-style basic forms must not be mixed with a 2-digit year by accident.
  if (year!.length === 2 && month && !day) return undefined;
  const y = expandYear(year!);
  let mo = month ? +month : 1;
  let d = day ? +day : 1;
  if (ordinal) {
    const n = +ordinal;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (n < 1 || n > (leap ? 366 : 365)) return undefined;
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(y, 0, n);
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  }
  const offset = zone === undefined ? undefined : zoneOffset(zone.toUpperCase() === 'Z' ? 'Z' : zone);
  if (zone !== undefined && offset === undefined) return undefined;
  return toEpoch({ y, mo, d, h: h ? +h : 0, mi: mi ? +mi : 0, s: s ? +s : 0, ms: fraction(frac), offset });
}

const LOCAL_FORMS = new RegExp(
  String.raw`^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*일?\.?` +
    String.raw`(?:\s*(?:\([^)]*\))?\s*(오전|오후|AM|PM)?\s*${TIME}\s*(오전|오후|AM|PM)?)?\s*(\S+)?$`,
  'i',
);

/** "2004-05-25 오후 11:23:17", "2004.05.25 09:30", "2004년 05월 28일 01:31:15", "2004/5/25 AM 9:30". */
function parseLocalForms(text: string): number | undefined {
  const m = LOCAL_FORMS.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, before, h = '0', mi = '0', s = '0', frac, after, zone] = m;
  const meridiem = (before ?? after)?.toUpperCase();
  let hour = +h;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === '오후' || meridiem === 'PM') hour = hour === 12 ? 12 : hour + 12;
    else if (hour === 12) hour = 0;
  }
  const offset = zone === undefined ? undefined : zoneOffset(zone);
  if (zone !== undefined && offset === undefined) return undefined;
  return toEpoch({ y: +y!, mo: +mo!, d: +d!, h: hour, mi: +mi, s: +s, ms: fraction(frac), offset });
}

/** RFC 822 family and asctime: every token must be a weekday, day, month, year, time or zone. */
function parseRfc822(text: string): number | undefined {
  const tokens = text
    .replace(/,/g, ' ')
    .replace(/\s+([+-])\s*(\d)/g, ' $1$2')
    .split(' ')
    .filter(Boolean);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: RegExpExecArray | undefined;
  let offset: number | undefined;
  let zoneSeen = false;
  let meridiem: string | undefined;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/\.$/, '');
    if (DAYS.test(token)) continue;
    if (time && !meridiem && /^(am|pm|a\.m|p\.m)$/.test(lower)) {
      meridiem = lower[0];
      continue;
    }
    if (MONTHS[lower] !== undefined && month === undefined) month = MONTHS[lower];
    else if (/^\d{1,2}$/.test(token) && day === undefined && (month === undefined || year === undefined)) day = +token;
    else if (/^\d{4}$/.test(token) && year === undefined) year = +token;
    else if (/^\d{2}$/.test(token) && year === undefined && day !== undefined) year = expandYear(token);
    else if (!time && TIME_TOKEN.test(token)) time = TIME_TOKEN.exec(token)!;
    else if (!zoneSeen && zoneOffset(token.replace(/^\((.*)\)$/, '$1')) !== undefined) {
      offset = zoneOffset(token.replace(/^\((.*)\)$/, '$1'));
      zoneSeen = true;
    } else if (zoneSeen && /^\(.*\)$/.test(token))
      continue; // "+0000 (UTC)"
    else return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  const [, h = '0', mi = '0', s = '0', frac] = time ?? [];
  let hour = +h;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return toEpoch({ y: year, mo: month, d: day, h: hour, mi: +mi, s: +s, ms: fraction(frac), offset });
}

export function parseFeedDate(raw: string | undefined | null, now: number = Date.now()): number | undefined {
  if (!raw) return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return undefined;
  const ms = parseIso(text) ?? parseLocalForms(text) ?? parseRfc822(text);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return ms > now + FUTURE_TOLERANCE_MS ? undefined : ms;
}
