// The server-rendered SVG bar chart of an issue's articles per hour or day: no script, readable by
// screen readers through its title and each bar's <title>.
import { listTime, shortDate } from '../../web/format.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { Histogram } from '../chart.ts';

const WIDTH = 640;
const HEIGHT = 160;
/** Bars are scaled to at least this many articles: with one article an hour, every bar at full
 * height made the chart a barcode that said nothing. */
export const MIN_SCALE = 5;
/** Two or three buckets must not become slabs across the whole chart. */
const MAX_BAR = 48;

export function IssueChart(props: { locale: Locale; data: Histogram }) {
  const { locale, data } = props;
  const tr = translator(locale);
  if (!data.buckets.length) return null;
  const max = Math.max(...data.buckets.map((b) => b.count));
  const scale = Math.max(max, MIN_SCALE);
  const slot = WIDTH / data.buckets.length;
  const barWidth = Math.min(MAX_BAR, Math.max(2, slot * 0.8));
  const label = (start: number) => (data.unit === 'hour' ? listTime(locale, start) : shortDate(locale, start));
  const title = tr(data.unit === 'hour' ? 'issues.chart.per-hour' : 'issues.chart.per-day');
  const first = data.buckets[0]!;
  const last = data.buckets[data.buckets.length - 1]!;
  return (
    <figure class="issue-chart">
      <svg
        class="issue-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 1}`}
        role="img"
        aria-labelledby="issue-chart-title"
      >
        <title id="issue-chart-title">{title}</title>
        {data.buckets.map((b, i) => {
          const h = Math.max(b.count ? 2 : 0, (b.count / scale) * (HEIGHT - 8));
          return (
            <rect
              class="issue-chart__bar"
              x={i * slot + (slot - barWidth) / 2}
              y={HEIGHT - h}
              width={barWidth}
              height={h}
              fill="currentColor"
            >
              <title>{tr('issues.chart.bar', { time: label(b.start), count: b.count })}</title>
            </rect>
          );
        })}
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" stroke-width="1" />
      </svg>
      {/* HTML, not SVG text: text inside the scaled viewBox shrank to about 5 px on a phone. */}
      <p class="issue-chart__axis" aria-hidden="true">
        <span>{label(first.start)}</span>
        {last !== first ? <span>{label(last.start)}</span> : null}
      </p>
      <figcaption class="issue-chart__caption">{tr('issues.chart.caption', { max })}</figcaption>
    </figure>
  );
}
