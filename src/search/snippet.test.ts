import { describe, expect, it } from 'vitest';
import { queryTerms } from '../text/index.ts';
import { escapeHtml, highlight, snippet } from './snippet.ts';

const terms = (q: string) => new Set(queryTerms(q));

describe('snippets', () => {
  it('escapes markup in the text and marks only matching words', () => {
    expect(highlight('<b>반도체</b>가 "올랐다" & 내렸다', terms('반도체'))).toBe(
      '&lt;b&gt;<mark>반도체</mark>&lt;/b&gt;가 &quot;올랐다&quot; &amp; 내렸다',
    );
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('marks inflected forms and compounds of the query word', () => {
    expect(highlight('시대가 변했다, 한국반도체산업협회', terms('시대 반도체'))).toBe(
      '<mark>시대가</mark> 변했다, <mark>한국반도체산업협회</mark>',
    );
  });

  it('picks the passage with the most distinct matches and cuts at word boundaries', () => {
    const text = `${'서론 문장입니다. '.repeat(30)}여기에 반도체 수출 소식이 있다. ${'결론 문장입니다. '.repeat(30)}`;
    const s = snippet(text, terms('반도체 수출'), 80);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('<mark>반도체</mark> <mark>수출</mark>');
    expect(s.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(82);
  });

  it('falls back to the start of the text without matches', () => {
    expect(snippet('짧은 글', terms('없음'))).toBe('짧은 글');
  });
});
