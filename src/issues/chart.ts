// Buckets of an issue's publication times for its chart: per hour for a story of up to three days,
// per day after that (a week of hourly bars is unreadable).
export interface Bucket {
  start: number;
  count: number;
}

export interface Histogram {
  unit: 'hour' | 'day';
  buckets: Bucket[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Days are Seoul days, whatever the server's zone.
const SEOUL_OFFSET = 9 * HOUR;
const MAX_BUCKETS = 60;

export function histogram(times: readonly number[]): Histogram {
  if (!times.length) return { unit: 'hour', buckets: [] };
  const first = Math.min(...times);
  const last = Math.max(...times);
  const unit = last - first <= 3 * DAY ? 'hour' : 'day';
  const size = unit === 'hour' ? HOUR : DAY;
  const floor = (t: number) => Math.floor((t + SEOUL_OFFSET) / size) * size - SEOUL_OFFSET;
  let start = floor(first);
  const end = floor(last);
  // A long story shows its latest MAX_BUCKETS days; the earliest ones fold into the first bar.
  if ((end - start) / size >= MAX_BUCKETS) start = end - (MAX_BUCKETS - 1) * size;
  const buckets: Bucket[] = [];
  for (let s = start; s <= end; s += size) buckets.push({ start: s, count: 0 });
  for (const t of times) {
    const i = Math.max(0, Math.round((floor(t) - start) / size));
    buckets[Math.min(i, buckets.length - 1)]!.count++;
  }
  return { unit, buckets };
}
