import { describe, expect, it } from 'vitest';
import { compoundAlternatives, indexTerms, JUNCTION_MARK, junctionTerms, searchIndexTerms, tokenize } from './index.ts';

const J = (pair: string) => JUNCTION_MARK + pair;

describe('junction terms', () => {
  it('joins two Hangul words separated by one space, first word without a particle', () => {
    const text = '인공지능 반도체';
    expect(junctionTerms(tokenize(text), text)).toEqual([J('능반')]);
  });
  it('not across a particle, punctuation or a script change', () => {
    for (const text of ['인공지능의 반도체', '인공지능, 반도체', '인공지능 AI 반도체', '지하철 3호선']) {
      expect(junctionTerms(tokenize(text), text)).toEqual([]);
    }
  });
  it('are added after the in-word terms, which stay as indexTerms makes them', () => {
    const terms = searchIndexTerms('인공지능 반도체');
    expect(terms.slice(0, -1)).toEqual(indexTerms('인공지능 반도체'));
    expect(terms.at(-1)).toBe(J('능반'));
  });
});

describe('compoundAlternatives', () => {
  it('maps the inner bigrams of a long word to their junction forms', () => {
    expect(compoundAlternatives('인공지능반도체')).toEqual({
      공지: J('공지'),
      지능: J('지능'),
      능반: J('능반'),
      반도: J('반도'),
    });
    expect(compoundAlternatives('인공지능')).toEqual({ 공지: J('공지') });
  });
  it('leaves short words and non-Hangul words whole', () => {
    expect(compoundAlternatives('지하철')).toBeUndefined();
    expect(compoundAlternatives('국가')).toBeUndefined();
    expect(compoundAlternatives('samsung')).toBeUndefined();
  });
});
