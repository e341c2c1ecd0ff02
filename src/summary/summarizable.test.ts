import { describe, expect, it } from 'vitest';
import { summarizeArticle } from './summarize.ts';
import { splitSentences } from './sentences.ts';
import { isSummarizable, summaryVerdict, type SummaryCandidate } from './summarizable.ts';

const prose = Array.from(
  { length: 12 },
  (_, i) => `정부는 ${i + 1}번째 반도체 지원 방안을 발표하며 업계와 학계의 의견을 폭넓게 들었다고 밝혔다.`,
).join(' ');
const news: SummaryCandidate = { headline: '정부, 반도체 지원 방안 발표', bodyText: prose };

describe('summaryVerdict', () => {
  it('summarises an ordinary news article', () => {
    expect(isSummarizable(news)).toBe(true);
  });
  it.each([
    ['[사설] 반도체 지원, 속도가 관건이다', 'opinion'],
    ['【칼럼】 반도체의 봄', 'opinion'],
    ['<기자수첩> 지원책의 빈칸', 'opinion'],
    ['[인터뷰] 반도체협회장 "지원 환영"', 'interview'],
    ['반도체협회장 단독 인터뷰', 'interview'],
    ['[포토] 반도체 공장의 하루', 'photo-only'],
  ])('not for %s', (headline, reason) => {
    expect(summaryVerdict({ ...news, headline })).toEqual({ summarizable: false, reason });
  });
  it('not for an opinion series or category, or an interview genre', () => {
    expect(summaryVerdict({ ...news, series: '김철수 칼럼' })).toMatchObject({ reason: 'opinion' });
    expect(summaryVerdict({ ...news, categories: ['opinion'] })).toMatchObject({ reason: 'opinion' });
    expect(summaryVerdict({ ...news, genres: ['Interview'] })).toMatchObject({ reason: 'interview' });
  });
  it('not for a very short article or a photo with a caption', () => {
    expect(summaryVerdict({ ...news, bodyText: '정부가 지원 방안을 발표했다. 업계는 환영했다.' })).toMatchObject({
      reason: 'too-short',
    });
    expect(summaryVerdict({ ...news, bodyText: '반도체 공장에서 직원들이 일하고 있다.', photoCount: 1 })).toMatchObject(
      { reason: 'photo-only' },
    );
  });
  it('counts only prose: a long byline and copyright block does not make a short article long', () => {
    const padded = `정부가 지원 방안을 발표했다.\n${'홍길동 기자 hong@example.kr\n'.repeat(40)}ⓒ 무단 전재 및 재배포 금지`;
    expect(summaryVerdict({ ...news, bodyText: padded })).toMatchObject({ reason: 'too-short' });
  });

  it('a body judged by its letters alone gets the verdict splitting it would give', () => {
    // The rule as it reads after splitting (what summaryVerdict did before its shortcut).
    const afterSplitting = (bodyText: string, photoCount: number) => {
      const sentences = splitSentences(bodyText);
      const letters = [...sentences.join('')].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
      if (photoCount > 0 && letters < 600) return 'photo-only';
      return sentences.length < 6 || letters < 350 ? 'too-short' : 'summarizable';
    };
    const credit = '\n홍길동 기자 hong@example.kr\nⓒ 무단 전재 및 재배포 금지';
    const twice = `${prose} ${prose}`;
    const seen = new Set<string>();
    for (let chars = 0; chars <= twice.length; chars += 25)
      for (const photoCount of [0, 1])
        for (const tail of ['', credit]) {
          const bodyText = twice.slice(0, chars) + tail;
          const v = summaryVerdict({ ...news, bodyText, photoCount });
          const verdict = v.summarizable ? 'summarizable' : v.reason;
          expect(verdict, `${chars} chars, ${photoCount} photos`).toBe(afterSplitting(bodyText, photoCount));
          seen.add(`${photoCount}:${verdict}`);
        }
    // Every outcome on both sides of both thresholds was tried.
    expect([...seen].sort()).toEqual(['0:summarizable', '0:too-short', '1:photo-only', '1:summarizable']);
  });
});

describe('summarizeArticle', () => {
  it('gives three sentences of the body, or null with the reason', () => {
    const r = summarizeArticle(news);
    expect(r.summary?.indices).toHaveLength(3);
    for (const s of r.summary?.sentences ?? []) expect(prose).toContain(s);
    expect(summarizeArticle({ ...news, headline: '[사설] 지원책' })).toEqual({ summary: null, reason: 'opinion' });
  });
});
