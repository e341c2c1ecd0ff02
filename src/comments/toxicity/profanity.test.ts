import { describe, expect, it } from 'vitest';
import { containsProfanity, findProfanity, maskProfanity } from './profanity.ts';

describe('maskProfanity', () => {
  it.each([
    ['plain', '씨발 진짜 뭐냐', '** 진짜 뭐냐'],
    ['tense/plain spelling', '시발 또 이러네', '** 또 이러네'],
    ['spaces inside the word', '씨 발 진짜', '* * 진짜'],
    ['symbols inside the word', '씨.발놈아', '***놈아'],
    ['repeated symbols inside', '병~~~신', '*****'],
    ['digit look-alike', 'ㅅ1발 뭐야', '*** 뭐야'],
    ['digit sound (씨8)', '씨8 짜증나', '** 짜증나'],
    ['18 glued to a word', '아18 짜증', '아** 짜증'],
    ['Latin look-alike', 'c발 뭐냐', '** 뭐냐'],
    ['digit filler', '존1나 웃기네', '*** 웃기네'],
    ['keyboard in English mode', 'tlqkf 진짜', '***** 진짜'],
    ['keyboard 병신', 'qudtls', '******'],
    ['romanised', 'sibal', '*****'],
    ['full-width Latin', 'ｓｉｂａｌ', '*****'],
    ['initial consonants', 'ㅅㅂ 뭐냐', '** 뭐냐'],
    ['initial consonants inside laughter', 'ㅋㅋㅅㅂㅋㅋ', 'ㅋㅋ**ㅋㅋ'],
    ['consonant cluster', 'ㅄ같은', '*같은'],
    ['split jamo', 'ㅅㅣㅂㅏㄹ', '*****'],
    ['split jamo with a syllable', 'ㅂㅕㅇ신', '****'],
    ['lone consonant with a syllable', 'ㅈ같네', '**네'],
    ['stretched vowel', '씨이이발', '****'],
    ['stretched jamo', '씨ㅣㅣ발', '****'],
  ])('sees through %s', (_kind, input, masked) => {
    expect(maskProfanity(input)).toBe(masked);
  });

  it.each([
    ['시발점', '여기가 이 노선의 시발점이다'],
    ['시바견', '시바견 너무 귀엽다'],
    ['수박씨 발라', '수박씨 발라 먹어'],
    ['a space between unrelated words', '회의 시 발언이 문제였다'],
    ['18 as a number', '2018년 3월 18일에 18명이 왔다'],
    ['세끼 (meals)', '하루 세끼 꼬박 챙겨 먹어요'],
    ['새기다', '마음에 깊이 새기다'],
    ['English that a keyboard reading would spell as a curse', 'a tidy room'],
    ['미친 듯이', '미친 듯이 웃었다'],
    ['a clean comment', '오늘 방송 정말 재밌었어요 ㅋㅋ'],
  ])('leaves %s alone', (_kind, input) => {
    expect(findProfanity(input)).toEqual([]);
    expect(maskProfanity(input)).toBe(input);
  });

  it('reports spans in the original string and masks with the chosen character', () => {
    const text = '아 진짜 ㅅ ㅂ 이게 뭐냐 개새끼야';
    const spans = findProfanity(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['ㅅ ㅂ', '개새끼']);
    expect(maskProfanity(text, '●')).toBe('아 진짜 ● ● 이게 뭐냐 ●●●야');
    expect(containsProfanity(text)).toBe(true);
  });

  it('masks characters outside the BMP inside a span without splitting them', () => {
    expect(maskProfanity('씨😀발')).toBe('***');
  });
});

describe('findProfanity on long and arbitrary input', () => {
  it('stays linear: long runs of allowed and profane words give the expected spans', () => {
    expect(findProfanity('시발점 '.repeat(20_000))).toEqual([]);
    expect(findProfanity('씨발 '.repeat(20_000))).toHaveLength(20_000);
  });

  it('returns sorted, disjoint spans inside the text for random mixtures of Hangul, jamo, Latin, digits and symbols', () => {
    const alphabet = [...'씨발시병신새끼ㅅㅂㅄㅣㅏabcltq18 .*!~😀\u1109\u1161ｃ'];
    let seed = 42;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 500; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const spans = findProfanity(text);
      let at = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(at);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(text.length);
        at = s.end;
      }
      expect([...maskProfanity(text)].length).toBe([...text].length);
    }
  });
});
