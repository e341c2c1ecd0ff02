// /about/ranking prints every parameter the rankings and "for you" use, from the objects the code
// reads, each with a label in both languages, the counting rules, and the change log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { publishedParameters } from '../../src/ranking/about.tsx';
import { NOT_COUNTED } from '../../src/ranking/bots.ts';
import { RANKING_CHANGES } from '../../src/ranking/changelog.ts';
import { FOR_YOU, MOST_VIEWED } from '../../src/ranking/parameters.ts';

describe('/about/ranking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { forYouPressSharePercent: 40 });
  });
  afterAll(() => t.close());

  it('shows every parameter with the value in force, labelled in Korean and English', async () => {
    const ko = (await t.app.inject('/about/ranking')).body;
    const en = (await t.app.inject('/about/ranking?lang=en')).body;
    const sections = publishedParameters(t.deps.config);
    // The objects the queries read are the ones published.
    expect(sections.find((s) => s.id === 'viewed')!.params).toBe(MOST_VIEWED);
    expect(sections.find((s) => s.id === 'forYouWeights')!.params).toBe(FOR_YOU.weights);
    for (const { id, params } of sections) {
      for (const [key, value] of Object.entries(params)) {
        const cell = new RegExp(`<dt>([^<]+)</dt><dd data-param="${id}\\.${key}">([^<]+)</dd>`);
        const k = cell.exec(ko);
        const e = cell.exec(en);
        expect(k, `${id}.${key}`).not.toBeNull();
        expect(k![1], `label of ${key}`).not.toContain('ranking.param');
        expect(e![1], `label of ${key}`).not.toContain('ranking.param');
        expect(k![2]).toBe(typeof value === 'boolean' ? (value ? '✓' : '✗') : String(value));
      }
    }
    expect(ko).toContain('<dd data-param="forYou.pressSharePercent">40</dd>');
    for (const rule of NOT_COUNTED) expect(ko).toMatch(new RegExp(`data-rule="${rule}">[^<r]`));
    expect(ko).toContain(RANKING_CHANGES[0]!.ko);
    expect(en).toContain(RANKING_CHANGES[0]!.en);
  });
});
