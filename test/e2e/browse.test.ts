// Browsing across presses and the article page's new controls in real Chromium: /latest paging and
// its category filter, the /press directory, keyword tag → search with thumbnails and the header
// box holding the query, 본문 듣기 and 공유하기 only where the browser can, the mobile category
// bar's "more" sign, one font family for Korean text, aligned search filters; axe on the new pages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexAll } from '../../src/search/indexing.ts';
import { runAxe, seriousViolations } from './axe.ts';
import { FEATURED } from './fixtures.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

interface Voice {
  lang: string;
  name: string;
}

/**
 * Runs in the page before its scripts: speech synthesis as a browser with these voices has it
 * (`later`: the list arrives after load with "voiceschanged", as Chromium does); speak() and
 * cancel() are recorded in window.__speech.
 */
function fakeSpeech(args: { voices: Voice[]; later: boolean }) {
  const state = { list: args.later ? [] : args.voices, spoken: [] as string[], cancels: 0 };
  (window as unknown as { __speech: typeof state }).__speech = state;
  const synth = window.speechSynthesis;
  Object.defineProperty(synth, 'getVoices', {
    value: () => state.list.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name })),
  });
  Object.defineProperty(synth, 'speak', { value: (u: SpeechSynthesisUtterance) => state.spoken.push(u.text) });
  Object.defineProperty(synth, 'cancel', {
    value: () => {
      state.cancels++;
    },
  });
  if (args.later) {
    addEventListener('load', () =>
      setTimeout(() => {
        state.list = args.voices;
        synth.dispatchEvent(new Event('voiceschanged'));
      }, 50),
    );
  }
}

/** Runs in the page: a system share sheet that records what it was asked to share. */
function fakeShare() {
  const shared: ShareData[] = [];
  (window as unknown as { __shared: ShareData[] }).__shared = shared;
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value: async (data: ShareData) => {
      shared.push(data);
    },
  });
  Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
}

describe.skipIf(skipBrowser)('browsing across presses in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    await reindexAll({ db: e2e.db, dialect: 'sqlite' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function openWith(
    pathname: string,
    init?: { fn: (arg: never) => void; arg: unknown },
    viewport?: { width: number; height: number },
  ): Promise<Page> {
    const page = await e2e.context.newPage();
    page.on('pageerror', (err) => e2e.pageProblems.push(String(err)));
    if (viewport) await page.setViewportSize(viewport);
    if (init) await page.addInitScript(init.fn as (arg: unknown) => void, init.arg);
    await page.goto(e2e.baseUrl + pathname, { waitUntil: 'load' });
    return page;
  }

  const cardIds = (page: Page) =>
    page
      .locator('.card-list .card__title a')
      .evaluateAll((as) => as.map((a) => Number(a.getAttribute('href')!.split('/').pop())));

  it('pages through /latest and back, and filters it by category', async () => {
    const page = await e2e.open('/');
    await Promise.all([page.waitForURL('**/latest'), page.click('.home-latest .more-link a')]);
    const { usableIds } = e2e.fixture;
    await expect(cardIds(page)).resolves.toEqual(usableIds.slice(0, 10));
    await Promise.all([page.waitForURL('**/latest?before=*'), page.click('.pagination a[rel="next"]')]);
    await expect(cardIds(page)).resolves.toEqual(usableIds.slice(10, 20));
    await expect(page.locator('.pagination__page').textContent()).resolves.toBe('2쪽');
    await Promise.all([page.waitForURL('**/latest'), page.click('.pagination a[rel="prev"]')]);
    await expect(cardIds(page)).resolves.toEqual(usableIds.slice(0, 10));

    await Promise.all([page.waitForURL('**/latest?category=sports'), page.click('.filter-chips a:text-is("스포츠")')]);
    await expect(page.locator('.filter-chips a[aria-current="true"]').textContent()).resolves.toBe('스포츠');
    await expect(page.locator('h1').textContent()).resolves.toBe('스포츠 최신 기사');
    const sportsIds = await cardIds(page);
    const sports = await e2e.db
      .selectFrom('article_categories as ac')
      .innerJoin('categories as c', 'c.id', 'ac.category_id')
      .innerJoin('articles as a', 'a.id', 'ac.article_id')
      .select('a.id')
      .where('c.slug', '=', 'sports')
      .where('a.status', '=', 'usable')
      .execute();
    expect(sportsIds.length).toBeGreaterThan(0);
    expect(new Set(sportsIds)).toEqual(new Set(sports.map((r) => Number(r.id))));
    await Promise.all([page.waitForURL('**/latest?category=economy'), page.click('.filter-chips a:text-is("경제")')]);
    await Promise.all([
      page.waitForURL('**/latest?category=economy&before=*'),
      page.click('.pagination a[rel="next"]'),
    ]);
    expect((await cardIds(page)).length).toBeGreaterThan(0);
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('lists the presses and leads to a press page', async () => {
    const page = await e2e.open('/');
    await Promise.all([page.waitForURL('**/press'), page.click('.home-presses .more-link a')]);
    await expect(page.locator('.press-entry').count()).resolves.toBe(2);
    await expect(page.locator('.press-entry__name').allTextContents()).resolves.toEqual(['청람타임스', '해온일보']);
    await expect(page.locator('.press-entry').first().locator('.feed-links a').allTextContents()).resolves.toEqual([
      'RSS',
      'Atom',
      'JSON Feed',
    ]);
    await page.screenshot({ path: resultPath('press-directory.png'), fullPage: true });
    await Promise.all([
      page.waitForURL('**/press/harbor-daily'),
      page.click('.press-entry__name a:text-is("해온일보")'),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('해온일보');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('follows a keyword tag to its search, with thumbnails and the query in the header box', async () => {
    const page = await e2e.open(`/articles/${e2e.fixture.featuredId}`);
    await Promise.all([page.waitForURL('**/search?q=*'), page.click('.keyword-tags a:text-is("#조력발전")')]);
    await expect(page.locator('#site-search').inputValue()).resolves.toBe('조력발전');
    await expect(page.locator('#search-page-q').inputValue()).resolves.toBe('조력발전');
    const first = page.locator('.search-result').first();
    await expect(first.locator('.search-result__headline').textContent()).resolves.toBe(FEATURED.headline);
    // The featured article has a photo: its thumbnail is shown, loaded, and not a tab stop.
    const thumb = first.locator('.search-result__photo img');
    await expect(thumb.getAttribute('src')).resolves.toBe('/static/demo/photos/tidal-plant.svg');
    await thumb.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
      await thumb.elementHandle(),
    );
    await expect(first.locator('.search-result__photo').getAttribute('tabindex')).resolves.toBe('-1');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('shows results without a photo without a thumbnail', async () => {
    const page = await e2e.open(`/search?q=${encodeURIComponent('골목 시장')}`);
    const rows = page.locator('.search-result');
    const n = await rows.count();
    expect(n).toBe(10);
    const withPhoto = await page.locator('.search-result--with-photo').count();
    expect(withPhoto).toBeGreaterThan(0);
    expect(withPhoto).toBeLessThan(n);
    await expect(page.locator('.search-result:not(.search-result--with-photo) img').count()).resolves.toBe(0);
    await page.close();
  });

  it('keeps 본문 듣기 hidden without a voice in the article language, and shows it with one', async () => {
    const id = e2e.fixture.featuredId;
    const none = await openWith(`/articles/${id}`, { fn: fakeSpeech as never, arg: { voices: [], later: false } });
    await expect(none.locator('[data-listen]').isHidden()).resolves.toBe(true);
    await none.close();

    const english = [{ lang: 'en-US', name: 'English' }];
    const onlyEnglish = await openWith(`/articles/${id}`, {
      fn: fakeSpeech as never,
      arg: { voices: english, later: false },
    });
    await expect(onlyEnglish.locator('[data-listen]').isHidden()).resolves.toBe(true);
    await onlyEnglish.close();

    const korean = [...english, { lang: 'ko-KR', name: '한국어' }];
    const page = await openWith(`/articles/${id}`, { fn: fakeSpeech as never, arg: { voices: korean, later: true } });
    const button = page.locator('[data-listen]');
    // Voices arrive after load ("voiceschanged"), as in Chromium.
    await button.waitFor({ state: 'visible' });
    await expect(button.textContent()).resolves.toBe('본문 듣기');
    await button.click();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(button.textContent()).resolves.toBe('듣기 멈춤');
    const spoken = await page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken);
    expect(spoken[0]).toBe(`${FEATURED.headline}, 연재: ${FEATURED.series}`);
    expect(spoken.join(' ')).toContain('밀물과 썰물의 높이 차이로 수차를 돌리는 방식이다.');
    expect(spoken.join(' ')).not.toContain(FEATURED.photoCaption);
    await button.click();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('shows 공유하기 only where the system share sheet exists, and shares the article', async () => {
    const id = e2e.fixture.featuredId;
    const plain = await e2e.open(`/articles/${id}`);
    const hasShare = await plain.evaluate(() => typeof navigator.share === 'function');
    await expect(plain.locator('[data-share-url]').isVisible()).resolves.toBe(hasShare);
    await plain.close();

    const noShare = await openWith(`/articles/${id}`, {
      fn: (() =>
        Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true })) as never,
      arg: null,
    });
    await expect(noShare.locator('[data-share-url]').isHidden()).resolves.toBe(true);
    await expect(noShare.locator('[data-copy-link]').isVisible()).resolves.toBe(true);
    await noShare.close();

    const page = await openWith(`/articles/${id}`, { fn: fakeShare as never, arg: null });
    const button = page.locator('[data-share-url]');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.waitForFunction(() => (window as unknown as { __shared?: unknown[] }).__shared?.length === 1);
    const shared = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared[0]);
    expect(shared).toEqual({ title: FEATURED.headline, url: `${e2e.baseUrl}/articles/${id}` });
    expect(e2e.pageProblems).toEqual([]);
    await page.close();
  });

  it('marks the mobile category bar when more categories hide past its end', async () => {
    const page = await openWith('/', undefined, { width: 375, height: 740 });
    const nav = page.locator('nav.category-nav');
    await page.waitForFunction(() =>
      document.querySelector('nav.category-nav')!.classList.contains('category-nav--more-end'),
    );
    const sign = await nav.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(sign).toBe('"›"');
    await page.screenshot({ path: resultPath('category-bar-mobile.png') });
    await page.locator('.category-nav ul').evaluate((ul) => {
      ul.scrollLeft = ul.scrollWidth;
      ul.dispatchEvent(new Event('scroll'));
    });
    await page.waitForFunction(
      () => !document.querySelector('nav.category-nav')!.classList.contains('category-nav--more-end'),
    );
    await expect(nav.evaluate((el) => getComputedStyle(el, '::after').content)).resolves.toBe('none');
    await page.close();
  });

  it('renders a Korean headline with digits in one font family', async () => {
    const page = await e2e.open('/latest');
    // A headline with Hangul and digits ("…12년 만의 우승…"), marked for the CDP query.
    const marked = await page.evaluate(() => {
      const a = [...document.querySelectorAll('.card-list .card__title a')].find(
        (el) => /[가-힣]/.test(el.textContent!) && /\d/.test(el.textContent!),
      );
      a?.setAttribute('data-font-probe', '');
      return a?.textContent;
    });
    expect(marked).toMatch(/\d/);
    const cdp = await e2e.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // Before: "DejaVu Sans" for the digits beside "NanumBarunGothic" for the Hangul.
    expect(fonts.map((f) => f.familyName)).toHaveLength(1);
    expect(fonts[0]!.familyName).toMatch(/Nanum|Noto|Apple SD|Malgun/);
    await cdp.detach();
    await page.close();
  });

  it('lines up the search filter labels and asks for YYYY-MM-DD', async () => {
    const page = await e2e.open(`/search?q=${encodeURIComponent('골목 시장')}`);
    const tops = await page.locator('.search-filters > label').evaluateAll((labels) =>
      labels.map((l) => {
        const range = document.createRange();
        range.setStart(l.firstChild!, 0);
        range.setEnd(l.firstChild!, 1);
        return Math.round(range.getBoundingClientRect().top);
      }),
    );
    expect(tops.length).toBe(5);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
    const from = page.locator('input[name="from"]');
    await expect(from.getAttribute('type')).resolves.toBe('text');
    await expect(from.getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');
    await from.fill('2026-02-30');
    await Promise.all([page.waitForURL('**from=2026-02-30*'), page.click('.search-filters button[type="submit"]')]);
    await expect(page.locator('.search-filters__error').textContent()).resolves.toContain('2026-02-30');
    await expect(page.locator('input[name="from"]').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.close();
  });
});

describe.skipIf(skipBrowser)('accessibility of the new pages (axe-core)', () => {
  let e2e: E2E;

  beforeAll(async () => {
    // Only to inject axe as a script tag; the functional suite above keeps the CSP.
    e2e = await startE2E({ bypassCSP: true });
    await reindexAll({ db: e2e.db, dialect: 'sqlite' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${scheme} scheme`, async () => {
      const pages = [
        ['latest', '/latest'],
        ['latest-economy-2', `/latest?category=economy&before=${e2e.fixture.now}-0&page=2`],
        ['press-directory', '/press'],
        ['search-thumbnails', `/search?q=${encodeURIComponent('골목 시장')}`],
        ['search-bad-date', `/search?q=${encodeURIComponent('골목 시장')}&from=2026-02-30`],
        ['search-empty', '/search'],
        ['api-docs', '/api/docs'],
      ];
      const serious: string[] = [];
      for (const [name, pathname] of pages) {
        const page = await e2e.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(e2e.baseUrl + pathname!, { waitUntil: 'load' });
        serious.push(...seriousViolations(`${name} (${scheme})`, await runAxe(page)));
        await page.close();
      }
      expect(serious).toEqual([]);
    });
  }
});
