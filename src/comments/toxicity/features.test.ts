import { describe, expect, it } from 'vitest';
import {
  contextVector,
  type FeatureConfig,
  type FeatureVectors,
  textFeatures,
  textVector,
  withContext,
} from './features.ts';

const cfg: FeatureConfig = {
  bits: 12,
  charMin: 1,
  charMax: 3,
  jamoMin: 2,
  jamoMax: 3,
  words: true,
  wordBigrams: true,
  titleWeight: 0.3,
  profanityWeight: 2,
};

// A fixed pseudo-random weight per bucket, so the dot products below are not trivially zero.
const w = Float64Array.from({ length: 1 << cfg.bits }, (_, i) => Math.sin(i * 12.9898) * 3);
const dot = (x: FeatureVectors, vals: 'logtf' | 'binary') => x.idx.reduce((z, h, i) => z + w[h] * x[vals][i], 0);

describe('text and context vectors', () => {
  it('add up to the vector training saw (scoring reads the text part once for both heads)', () => {
    for (const [text, title, found] of [
      ['씨발 이딴게 배우라고', '배우 A씨 논란', 1],
      ['좋은 기사 감사합니다', undefined, 0],
      ['ㅅㅂ ㅄ 진짜', '드라마 종영', 2],
      ['', '', 0],
    ] as const) {
      const t = textFeatures(cfg, text);
      const whole = withContext(cfg, t, title, found);
      const parts = [textVector(t), contextVector(cfg, text, title, found)];
      for (const vals of ['logtf', 'binary'] as const)
        expect(parts.reduce((z, x) => z + dot(x, vals), 0)).toBeCloseTo(dot(whole, vals), 10);
    }
  });

  it('give the headline and the word-list flags only to the context part', () => {
    const t = textFeatures(cfg, '좋은 기사');
    expect(contextVector({ ...cfg, titleWeight: 0, profanityWeight: 0 }, '좋은 기사', '제목').idx.length).toBe(0);
    expect(contextVector(cfg, '좋은 기사', '제목 하나', 0).idx.length).toBeGreaterThan(0);
    expect(textVector(t).idx.length).toBe(withContext({ ...cfg, titleWeight: 0, profanityWeight: 0 }, t).idx.length);
  });
});
