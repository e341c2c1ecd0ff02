// The issue chart's bars: a few articles must not fill every bar to the top (the "barcode"), two
// buckets must not become slabs, and the axis times are HTML text (SVG text shrank on phones).
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { IssueChart, MIN_SCALE } from './issue-chart.tsx';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-30T00:00:00Z');

function bars(html: string): Array<{ height: number; width: number }> {
  return [...html.matchAll(/<rect class="issue-chart__bar"[^>]*width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

describe('IssueChart', () => {
  it('scales a sparse story to at least MIN_SCALE articles, so one article is a short bar', () => {
    const buckets = [1, 0, 0, 1, 0, 1].map((count, i) => ({ start: T0 + i * HOUR, count }));
    const html = renderToString(<IssueChart locale="ko" data={{ unit: 'hour', buckets }} />);
    const heights = bars(html).map((b) => b.height);
    const full = Math.max(...heights);
    expect(heights.filter((h) => h > 0)).toHaveLength(3);
    // 1 of at least MIN_SCALE: a fifth of the drawable height (152), not all of it.
    expect(full).toBeCloseTo(152 / MIN_SCALE, 5);
  });

  it('keeps the tallest bar full height once the story has enough articles', () => {
    const buckets = [2, 9, 4].map((count, i) => ({ start: T0 + i * HOUR, count }));
    const heights = bars(renderToString(<IssueChart locale="ko" data={{ unit: 'hour', buckets }} />)).map(
      (b) => b.height,
    );
    expect(heights[1]).toBeCloseTo(152, 5);
    expect(heights[0]).toBeCloseTo((2 / 9) * 152, 5);
  });

  it('caps the bar width for a story of two buckets and writes the axis as HTML text', () => {
    const buckets = [3, 1].map((count, i) => ({ start: T0 + i * HOUR, count }));
    const html = renderToString(<IssueChart locale="ko" data={{ unit: 'hour', buckets }} />);
    for (const b of bars(html)) expect(b.width).toBeLessThanOrEqual(48);
    expect(html).not.toContain('<text');
    expect(html).toMatch(/<p class="issue-chart__axis" aria-hidden="true"><span>[^<]+<\/span><span>[^<]+<\/span><\/p>/);
  });
});
