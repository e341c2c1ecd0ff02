import { describe, expect, it } from 'vitest';
import { catalogueKeys, duplicateKeys, t } from './index.ts';

describe('i18n catalogues', () => {
  it('Korean and English define the same keys, none twice', () => {
    expect(duplicateKeys).toEqual([]);
    const ko = new Set(catalogueKeys('ko'));
    const en = new Set(catalogueKeys('en'));
    expect([...ko].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !ko.has(k))).toEqual([]);
    expect(ko.size).toBeGreaterThan(50);
  });

  it('every key is namespaced by the capability file it lives in', () => {
    for (const key of catalogueKeys('ko')) expect(key).toMatch(/^[a-z][a-z0-9-]*\.\S+$/);
  });

  it('translates, interpolates and falls back', () => {
    expect(t('ko', 'web.skip-to-content')).toBe('본문 바로가기');
    expect(t('en', 'web.skip-to-content')).toBe('Skip to content');
    expect(t('en', 'web.pagination.page', { page: 3 })).toBe('Page 3');
    expect(t('ko', 'web.pagination.page', { page: 3 })).toBe('3쪽');
    expect(t('en', 'web.pagination.page')).toBe('Page {page}');
    expect(t('en', 'no.such-key')).toBe('no.such-key');
  });
});

describe('Korean particles in messages', () => {
  it('picks 이 or 가 from the last syllable, and shows both after non-Hangul', () => {
    expect(t('ko', 'articles.withdrawn.detail', { press: '해온일보', time: '3시' })).toMatch(/^해온일보가 /);
    expect(t('ko', 'articles.withdrawn.detail', { press: '뉴스결', time: '3시' })).toMatch(/^뉴스결이 /);
    expect(t('ko', 'articles.withdrawn.detail', { press: 'NBS', time: '3시' })).toMatch(/^NBS이\(가\) /);
  });
});
