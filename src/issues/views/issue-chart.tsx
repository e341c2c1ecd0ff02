// The server-rendered SVG bar chart of an issue's articles per hour or day: no script, readable by
// screen readers through its title and each bar's <title>.
import { listTime, shortDate } from '../../web/format.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { Histogram } from '../chart.ts';

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 20;

export function IssueChart(props: { locale: Locale; data: Histogram }) {
  const { locale, data } = props;
  const tr = translator(locale);
  if (!data.buckets.length) return null;
  const max = Math.max(...data.buckets.map((b) => b.count));
  const slot = WIDTH / data.buckets.length;
  const barWidth = Math.max(2, slot * 0.8);
  const label = (start: number) => (data.unit === 'hour' ? listTime(locale, start) : shortDate(locale, start));
  const title = tr(data.unit === 'hour' ? 'issues.chart.per-hour' : 'issues.chart.per-day');
  const first = data.buckets[0]!;
  const last = data.buckets[data.buckets.length - 1]!;
  return (
    <figure class="issue-chart">
      <svg
        class="issue-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        role="img"
        aria-labelledby="issue-chart-title"
      >
        <title id="issue-chart-title">{title}</title>
        {data.buckets.map((b, i) => {
          const h = max ? Math.max(b.count ? 2 : 0, (b.count / max) * (HEIGHT - 8)) : 0;
          return (
            <rect class="issue-chart__bar" x={i * slot + (slot - barWidth) / 2} y={HEIGHT - h} width={barWidth} height={h} fill="currentColor">
              <title>{tr('issues.chart.bar', { time: label(b.start), count: b.count })}</title>
            </rect>
          );
        })}
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" stroke-width="1" />
        <text x="0" y={HEIGHT + AXIS - 4} font-size="12" fill="currentColor">
          {label(first.start)}
        </text>
        <text x={WIDTH} y={HEIGHT + AXIS - 4} font-size="12" fill="currentColor" text-anchor="end">
          {label(last.start)}
        </text>
      </svg>
      <figcaption class="issue-chart__caption">{tr('issues.chart.caption', { max })}</figcaption>
    </figure>
  );
}
