import { describe, expect, it } from 'vitest';
import { cleanHeadline, idFromSlug, issueSlug } from './naming.ts';

describe('issue naming', () => {
  it('builds a readable slug led by the id, and reads the id back', () => {
    const slug = issueSlug(42, '인공지능 시대가 열린다, 정부 “AI 기본법” 시행');
    expect(slug).toBe('42-인공지능-시대가-열린다-정부-ai');
    expect(idFromSlug(slug)).toBe(42);
    expect(idFromSlug('no-id')).toBeUndefined();
    expect(issueSlug(7, '!!!')).toBe('7');
  });

  it('drops press tags that say nothing about the event', () => {
    expect(cleanHeadline('[속보] 서울 첫눈 내려')).toBe('서울 첫눈 내려');
    expect(cleanHeadline('한강 다리 공사 재개(종합)')).toBe('한강 다리 공사 재개');
    expect(cleanHeadline('[단독]')).toBe('[단독]');
  });
});
