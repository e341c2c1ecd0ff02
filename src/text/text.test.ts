import { describe, expect, it } from 'vitest';
import {
  analyzeQuery,
  bigrams,
  choseong,
  choseongTerms,
  indexTerms,
  normalizeText,
  queryTerms,
  stemLatin,
  stripParticle,
  tokenize,
} from './index.ts';

describe('normalizeText', () => {
  it('composes decomposed Hangul (NFD → NFC) so both spellings are one word', () => {
    const decomposed = '\u1112\u1161\u11AB\u1100\u1173\u11AF'; // 한글 as conjoining jamo
    expect(normalizeText(decomposed)).toBe('한글');
    expect(indexTerms(decomposed)).toEqual(indexTerms('한글'));
  });
  it('folds full-width Latin and half-width jamo (NFKC)', () => {
    expect(normalizeText('ＡＩ　ﾡﾤ')).toBe('ai ㄱㄴ');
  });
  it('maps lone conjoining consonants to compatibility jamo', () => {
    expect(normalizeText('\u110b\u1100')).toBe('ㅇㄱ');
  });
  it('lower-cases Latin and removes its accents but leaves Hangul alone', () => {
    expect(normalizeText('Café RÉSUMÉ 서울')).toBe('cafe resume 서울');
  });
  it('drops zero-width characters that would split a word invisibly', () => {
    expect(normalizeText('반\u200b도체')).toBe('반도체');
  });
});

describe('stripParticle', () => {
  it.each([
    ['시대가', '시대'],
    ['시대를', '시대'],
    ['반도체를', '반도체'],
    ['학교에서', '학교'],
    ['대통령에게', '대통령'],
    ['시민들이', '시민'],
    ['발표했다', '발표'],
    ['주도한', '주도'],
  ])('%s → %s', (word, stem) => expect(stripParticle(word)).toBe(stem));

  it.each(['국가', '회의', '시대', '보다', '하는', '나라'])('keeps the short word %s whole', (word) =>
    expect(stripParticle(word)).toBe(word),
  );
});

describe('terms', () => {
  it('makes in-word bigrams, so an unspaced compound matches its parts', () => {
    expect(bigrams('반도체')).toEqual(['반도', '도체']);
    const doc = indexTerms('한국반도체산업협회');
    for (const t of queryTerms('반도체')) expect(doc).toContain(t);
  });
  it('matches a noun whatever particle follows it', () => {
    expect(queryTerms('시대')).toEqual(['시대']);
    for (const form of ['시대가', '시대를', '시대의', '시대에서']) expect(indexTerms(form)).toContain('시대');
  });
  it('keeps one-syllable words and lets 책을 find 책', () => {
    expect(queryTerms('책')).toEqual(['책']);
    expect(indexTerms('책을 읽다')).toContain('책');
    expect(indexTerms('국가')).toContain('국가');
  });
  it('splits mixed scripts and keeps numbers', () => {
    expect(tokenize('AI동맹 2024년 3.5%').map((t) => [t.kind, t.stem])).toEqual([
      ['latin', 'ai'],
      ['hangul', '동맹'],
      ['number', '2024'],
      ['hangul', '년'],
      ['number', '3'],
      ['number', '5'],
    ]);
  });
  it('stems English plurals lightly', () => {
    expect(stemLatin('chips')).toBe('chip');
    expect(stemLatin('policies')).toBe('policy');
    expect(stemLatin('news')).toBe('news');
    expect(queryTerms("Samsung's Chips")).toEqual(['samsung', 'chip']);
  });
  it('produces the same terms for query and document text', () => {
    const q = queryTerms('AI 동맹');
    const doc = indexTerms('한미 AI 동맹이 출범했다');
    for (const t of q) expect(doc).toContain(t);
  });
  it('drops interrogatives from natural-language questions but not from a query of nothing else', () => {
    expect(queryTerms('수도는 어디인가')).toEqual(['수도']);
    expect(queryTerms('어디')).toEqual(['어디']);
  });
  it('returns no terms for punctuation and FTS syntax', () => {
    expect(queryTerms('"*()^:-+ OR')).toEqual(['or']);
    expect(queryTerms('!!! ??? ...')).toEqual([]);
  });
});

describe('choseong', () => {
  it('extracts initial consonants arithmetically', () => {
    expect(choseong('인공지능 AI')).toBe('ㅇㄱㅈㄴ AI');
    expect(choseong('까치')).toBe('ㄲㅊ');
  });
  it('recognises a choseong query and produces its bigrams', () => {
    expect(analyzeQuery('ㅇㄱㅈㄴ').choseongTerms).toEqual(['ㅇㄱ', 'ㄱㅈ', 'ㅈㄴ']);
    expect(analyzeQuery('인공지능').choseongTerms).toEqual([]);
    for (const t of analyzeQuery('ㅇㄱㅈㄴ').choseongTerms) expect(choseongTerms('인공지능이 바꾼 뉴스')).toContain(t);
  });
});
