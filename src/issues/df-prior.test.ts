import { describe, expect, it } from 'vitest';
import { demoDfPrior, createEngine } from './df-prior.ts';
import { articleTerms, DEFAULT_FEATURES } from './features.ts';
import { SHIPPED_CLUSTERING } from './settings.ts';
import { loadDemoArticles } from '../demo/index.ts';

describe('the demo-content DF prior', () => {
  it('counts all reports of one demo event as one document', () => {
    const files = loadDemoArticles() as unknown as Array<{
      event?: string;
      item: { headline: string; body_html: string };
    }>;
    const events = new Set(files.flatMap((f) => (f.event ? [f.event] : [])));
    const oneOffs = files.filter((f) => !f.event).length;
    const prior = demoDfPrior(DEFAULT_FEATURES);
    expect(prior.docs).toBe(events.size + oneOffs);
    // 폭설 is the snowstorm's word: its five reports count once, the few other mentions once each.
    const mentions = files.filter((f) => `${f.item.headline} ${f.item.body_html}`.includes('폭설'));
    const snowReports = mentions.filter((f) => f.event === 'heavy-snow').length;
    expect(snowReports).toBeGreaterThanOrEqual(4);
    expect(prior.df.get('폭설')).toBeGreaterThanOrEqual(1);
    expect(prior.df.get('폭설')).toBeLessThanOrEqual(mentions.length - snowReports + 1);
  });

  it('lets an empty portal weigh everyday words below a story’s own words from the first article', () => {
    const withPrior = createEngine(SHIPPED_CLUSTERING);
    const without = createEngine({ ...SHIPPED_CLUSTERING, prior: false });
    const bag = articleTerms('미루시 트램 2호선 단전', '오늘 오전 미루시 트램이 멈췄다고 밝혔다.');
    for (const e of [withPrior, without]) e.observe(bag);
    const idf = (e: typeof withPrior, term: string) => e.idf(e.vocab.idOf(term)!);
    expect(idf(withPrior, '오늘')).toBeLessThan(idf(withPrior, '트램') - 1);
    // Without the prior both words are "in every document" and weigh the same.
    expect(idf(without, '오늘')).toBeCloseTo(idf(without, '트램'), 9);
  });
});
