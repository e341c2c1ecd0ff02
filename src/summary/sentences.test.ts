import { describe, expect, it } from 'vitest';
import { isNonProseLine, splitParagraph, splitSentences } from './sentences.ts';

describe('splitParagraph', () => {
  it('splits after 다. and keeps numbers, initials and abbreviations inside a sentence', () => {
    expect(
      splitParagraph('금리가 3.5%로 올랐다. U.S. 정부는 J. 케네디 센터에서 발표했다. Dr. Kim도 참석했다.'),
    ).toEqual(['금리가 3.5%로 올랐다.', 'U.S. 정부는 J. 케네디 센터에서 발표했다.', 'Dr. Kim도 참석했다.']);
  });
  it('does not cut inside a quotation, whatever its marks', () => {
    expect(splitParagraph('그는 “첫째 문제다. 둘째 문제도 있다”고 말했다. 다음 문장이다.')).toEqual([
      '그는 “첫째 문제다. 둘째 문제도 있다”고 말했다.',
      '다음 문장이다.',
    ]);
    expect(splitParagraph('그는 "정말 그렇다. 틀림없다"라고 했다. 끝이다.')).toEqual([
      '그는 "정말 그렇다. 틀림없다"라고 했다.',
      '끝이다.',
    ]);
  });
  it('ends a sentence at a closing quote that follows the period', () => {
    expect(splitParagraph('“우리는 해냈다.” 그가 웃었다. 정말일까? 그렇다!')).toEqual([
      '“우리는 해냈다.”',
      '그가 웃었다.',
      '정말일까?',
      '그렇다!',
    ]);
  });
  it('treats an opening quote that is never closed as no quotation at all', () => {
    expect(
      splitParagraph('이 로봇은 "프로젝트 제이\'의 일환이다. 개발은 지난해 시작됐다. 내년에 완성된다.'),
    ).toHaveLength(3);
  });
  it('ends a Korean sentence whose space was forgotten, but not a decimal', () => {
    expect(splitParagraph('정부가 발표했다.업계는 3.5%를 요구했다.')).toEqual([
      '정부가 발표했다.',
      '업계는 3.5%를 요구했다.',
    ]);
  });
  it('keeps ellipses and list numbers inside the sentence', () => {
    expect(splitParagraph('그런데... 결과는 달랐다. 1. 첫째 항목이다.')).toEqual([
      '그런데... 결과는 달랐다.',
      '1. 첫째 항목이다.',
    ]);
  });
});

describe('splitSentences', () => {
  const body = [
    '[서울=연합뉴스] 홍길동 기자 = 정부가 새 반도체 지원책을 발표했다. 지원 규모는 3.5조원이다.',
    '▲ 반도체 공장 전경 (사진=연합뉴스)',
    '업계는 환영했다.',
    '반도체 공장 내부 모습. /뉴시스',
    '홍길동 기자 hong@yna.co.kr',
    'ⓒ 연합뉴스, 무단 전재 및 재배포 금지',
  ].join('\n');
  it('removes the dateline, captions, byline, e-mail and copyright lines', () => {
    expect(splitSentences(body)).toEqual([
      '정부가 새 반도체 지원책을 발표했다.',
      '지원 규모는 3.5조원이다.',
      '업계는 환영했다.',
    ]);
  });
  it('removes a byline glued to the last sentence', () => {
    expect(splitSentences('회의는 내일 열린다. 김영희 기자 kim@example.kr')).toEqual(['회의는 내일 열린다.']);
  });
  it('keeps prose that merely mentions a reporter or a photo', () => {
    expect(isNonProseLine('현장에 있던 기자에게 경찰은 사진을 보여주며 설명했다.')).toBe(false);
    expect(isNonProseLine('사진=연합뉴스')).toBe(true);
  });
});
