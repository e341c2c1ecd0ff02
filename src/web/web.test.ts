// Locale choice, Korean dates, JSON-LD escaping and the error pages' content.
import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { renderErrorPage } from './error-pages.tsx';
import type { Site } from './site-frame.ts';
import { dateTime, listTime, shortDate } from './format.ts';
import { localeFromAcceptLanguage, requestLocale } from './locale.ts';
import { jsonForScript } from './render.ts';

const site: Site = {
  name: '소식',
  publicUrl: 'https://news.example.org',
  stylesheets: [],
  frame: {
    categories: async () => [{ slug: 'economy', nameKo: '경제', nameEn: 'Economy' }],
    cachedCategories: () => [{ slug: 'economy', nameKo: '경제', nameEn: 'Economy' }],
    latest: () => [{ href: '/articles/7', headline: '<b>최신</b> 기사', lang: 'ko' }],
    refresh: async () => {},
  },
};

function fakeRequest(
  url: string,
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
): FastifyRequest {
  return { url, headers, query, server: { site } } as unknown as FastifyRequest;
}

describe('locale', () => {
  it('prefers ?lang, then the cookie, then Accept-Language by q-value, then Korean', () => {
    expect(requestLocale(fakeRequest('/', { cookie: 'lang=ko', 'accept-language': 'ko' }, { lang: 'en' }))).toBe('en');
    expect(requestLocale(fakeRequest('/', { cookie: 'a=1; lang=en', 'accept-language': 'ko' }))).toBe('en');
    expect(requestLocale(fakeRequest('/', { 'accept-language': 'fr-FR,en;q=0.8,ko;q=0.9' }))).toBe('ko');
    expect(requestLocale(fakeRequest('/', { 'accept-language': 'fr-FR,en;q=0.8' }))).toBe('en');
    expect(requestLocale(fakeRequest('/', {}, { lang: 'de' }))).toBe('ko');
    expect(localeFromAcceptLanguage('en-GB;q=0')).toBeUndefined();
  });
});

describe('dates in Seoul time', () => {
  // 2025-11-28T15:05:00Z is 2025-11-29 00:05 (Saturday) in Seoul.
  const ms = Date.UTC(2025, 10, 28, 15, 5);
  it('short form with the Korean weekday', () => {
    expect(shortDate('ko', ms)).toBe('11.29 (토)');
    expect(shortDate('en', ms)).toBe('Sat, Nov 29');
  });
  it('published time with 오전/오후', () => {
    expect(dateTime('ko', ms)).toBe('2025.11.29. 오전 12:05');
    expect(dateTime('ko', ms + 13 * 3_600_000)).toBe('2025.11.29. 오후 1:05');
    expect(dateTime('en', ms)).toBe('Nov 29, 2025, 12:05 AM');
    expect(listTime('ko', ms)).toBe('11.29 00:05');
  });
});

describe('jsonForScript', () => {
  it('keeps the JSON equal while leaving no "<" that could close the script', () => {
    const value = { headline: '</script><script>alert(1)</script> & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('error pages', () => {
  it('404 helps the reader on: search, latest headlines, categories, home', () => {
    const html = renderErrorPage(fakeRequest('/nowhere?x=1'), 404, 'No such page.');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('찾으시는 페이지가 없습니다');
    expect(html).toContain('action="/search"');
    expect(html).toContain('href="/articles/7">&lt;b>최신&lt;/b> 기사</a>');
    expect(html).toContain('href="/categories/economy"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('500 is localised and does not leak the internal message', () => {
    const html = renderErrorPage(
      fakeRequest('/x', { 'accept-language': 'en' }),
      500,
      'SQLITE_BUSY: database is locked',
    );
    expect(html).toContain('Something went wrong on our side');
    expect(html).not.toContain('SQLITE_BUSY');
  });

  it('other client errors show their actionable message, escaped', () => {
    const html = renderErrorPage(fakeRequest('/login'), 403, 'The form expired <reload>.');
    expect(html).toContain('The form expired &lt;reload>.');
  });
});
