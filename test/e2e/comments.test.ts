// Comments in Chromium, with mail through a real SMTP server: readers sign up through the forms
// (the e-mailed link proves the address), comment, reply, like, report and fold; a comment held by
// the pipeline is approved by an editor in /studio/comments and its author sees it published.
// XSS payloads posted as comments and typed as nicknames never run: no dialog, no element or
// attribute handler of theirs in the DOM. With JavaScript off the form POST works. axe-core finds
// no serious or critical violation on the thread, light and dark.
//
// The suite bypasses the CSP (axe is injected as a script tag): escaping alone must keep the
// payloads inert, the CSP is not counted on.
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.ts';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { runAxe, seriousViolations } from './axe.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, skipBrowser, startE2E, type E2E } from './harness.ts';

const PASSWORD = 'quiet harbour lanterns';
const EDITOR_PASSWORD = 'correct horse battery';

const XSS_PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '<img src=x onerror=alert("xss-2")>',
  '<svg onload=alert("xss-3")><circle r=1 /></svg>',
  '<a href="javascript:alert(\'xss-4\')">눌러 보세요</a>',
  'javascript:alert("xss-5")',
  '"><img src=x onerror=alert("xss-6")>',
  "' onmouseover='alert(\"xss-7\")' data-x='",
  '</textarea><script>alert("xss-8")</script>',
  '<iframe srcdoc="<script>alert(\'xss-9\')</script>"></iframe>',
  '<details open ontoggle=alert("xss-10")>',
  'https://example.org/"onmouseover="alert(\'xss-11\')"',
  '\u202e<img src=x onerror=alert("xss-12")>\u202c',
  '＜script＞alert("xss-13")＜/script＞',
  '<scr\u200bipt>alert("xss-14")</scr\u200bipt>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-15")>',
];

/** Elements and attributes a payload could have brought into the page, if any got through. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`${el.tagName.toLowerCase()}[${attr}]`);
        const value = el.getAttribute(attr) ?? '';
        if ((attr === 'href' || attr === 'src' || attr === 'srcdoc') && /^\s*javascript:|<script/i.test(value))
          found.push(`${el.tagName.toLowerCase()}[${attr}=${value.slice(0, 40)}]`);
      }
    }
    // None of these belong in a thread; a payload's tag would show up here.
    for (const el of document.querySelectorAll(
      '#comments img, #comments svg, #comments iframe, #comments math, #comments style, #comments details[ontoggle], #comments script',
    ))
      found.push(`injected <${el.tagName.toLowerCase()}>`);
    for (const s of document.querySelectorAll('script'))
      if (!s.src && s.type !== 'application/ld+json') found.push(`inline <script>: ${s.textContent?.slice(0, 40)}`);
    return found;
  });
}

describe.skipIf(skipBrowser)('comments in Chromium', () => {
  let smtp: TestSmtpServer;
  let e2e: E2E;
  let article: number;
  const dialogs: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    e2e = await startE2E({
      bypassCSP: true,
      jobs: true,
      config: {
        smtpUrl: smtp.url,
        mailFrom: '소식 <no-reply@sosik.test>',
        newAccountWaitHours: 0,
        commentGapSeconds: 0,
        commentLikeGapSeconds: 0,
        commentsPerArticle: 100,
        commentsPerDay: 500,
        commentRepliesPerArticle: 100,
        commentFoldAt: 1,
      },
    });
    article = e2e.fixture.featuredId;
    await createUser({ db: e2e.db }, { email: 'editor@sosik.example', password: EDITOR_PASSWORD, role: 'editor' });
  });
  afterAll(async () => {
    await e2e?.close();
    await smtp?.close();
  });

  async function open(path: string): Promise<Page> {
    // Each open thread holds a live stream, and Chromium keeps six connections per host: the
    // pages of earlier tests are closed first.
    for (const p of e2e.context.pages()) await p.close();
    const page = await e2e.open(path);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${e2e.baseUrl}/login`);
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/login'),
      page.click('.login-form button[type="submit"]'),
    ]);
  }

  /** Signs up through the form, follows the e-mailed link, and signs in. */
  async function signUp(page: Page, email: string, nickname: string): Promise<void> {
    await page.goto(`${e2e.baseUrl}/signup`);
    await page.fill('#signup-email', email);
    await page.fill('#signup-password', PASSWORD);
    await page.fill('#signup-nickname', nickname);
    await page.check('#signup-terms');
    await page.check('#signup-privacy');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/signup/sent'),
      page.click('.reader-form button[type="submit"]'),
    ]);
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
    const mail = parseComposedMail(smtp.received.find((m) => m.to.includes(email))!.raw);
    const href = /https?:\/\/[^\s"<>]+\/verify-email\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    if (!href) throw new Error(`no verification link in: ${mail.text}`);
    await page.goto(href);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('main form button[type="submit"]')]);
    await signIn(page, email, PASSWORD);
  }

  /** The article page once the island has swapped in the reader's own thread (with its form). */
  async function articleThread(page: Page): Promise<void> {
    await page.goto(`${e2e.baseUrl}/articles/${article}`);
    await page.waitForSelector('#comments form[data-comment-form]');
  }

  async function postWithScript(page: Page, text: string): Promise<number> {
    await page.fill('#comment-body', text);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/articles/${article}/comments`) && r.request().method() === 'POST'),
      page.click('form[data-comment-form]:not(.comment-form--reply) button[type="submit"]'),
    ]);
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    await page.waitForSelector(`#comment-${id}`);
    return id;
  }

  let first: number;
  let held: number;

  it('signs up, comments without a reload; another reader replies, likes, reports and folds it', {
    timeout: 120_000,
  }, async () => {
    const page = await open('/');
    await signUp(page, 'hana@example.kr', '하나');
    await articleThread(page);
    const url = page.url();
    first = await postWithScript(page, '조력발전이 이렇게 빨리 송전할 줄은 몰랐네요.\n다음 단계도 궁금합니다.');
    expect(page.url()).toBe(url); // no reload
    await expect(page.locator(`#comment-${first} .comment__text`).innerHTML()).resolves.toBe(
      '조력발전이 이렇게 빨리 송전할 줄은 몰랐네요.<br>다음 단계도 궁금합니다.',
    );
    held = await postWithScript(page, '자세한 자료는 https://example.org/tidal 에 있습니다');
    await expect(page.locator(`#comment-${held} .comment__status--held`).textContent()).resolves.toContain('검토 대기');
    await e2e.context.clearCookies();

    await signUp(page, 'duri@example.kr', '두리');
    await articleThread(page);
    const item = page.locator(`#comment-${first}`);
    await expect(page.locator(`#comment-${held}`).count()).resolves.toBe(0); // held: only its author sees it
    // 공감: counted in place.
    await item.locator('.comment__votes button[value="like"]').first().click();
    await expect.poll(() => item.locator('.comment__likes').first().textContent()).toBe('1');
    await expect(
      item.locator('.comment__votes button[value="like"]').first().getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    // A reply, through the reply toggle.
    await item.locator('.comment__reply summary').click();
    await item.locator(`#reply-body-${first}`).fill('저도 같은 생각입니다.');
    const [replied] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/articles/${article}/comments`) && r.request().method() === 'POST'),
      item.locator('.comment-form--reply button[type="submit"]').click(),
    ]);
    const reply = ((await replied.json()) as { id: number }).id;
    await page.waitForSelector(`#comment-${first} .comment-list--replies #comment-${reply}`);
    // Report with a reason, then a fold request: each a form that returns to the thread.
    await item.locator('.comment__more > summary').first().click();
    await item.locator(`#report-${first}`).selectOption('abuse');
    await Promise.all([page.waitForNavigation(), item.locator('.comment__report button').first().click()]);
    expect(new URL(page.url()).hash).toBe(`#comment-${first}`);
    const reported = await e2e.db
      .selectFrom('comment_reports')
      .select(['kind', 'reason'])
      .where('comment_id', '=', first)
      .execute();
    expect(reported).toEqual([{ kind: 'report', reason: 'abuse' }]);
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments`);
    const again = page.locator(`#comment-${first}`);
    await again.locator('.comment__more > summary').first().click();
    await Promise.all([
      page.waitForNavigation(),
      again.locator(`form[action="/comments/${first}/fold"] button`).first().click(),
    ]);
    // Folded after SOSIK_COMMENT_FOLD_AT (1) requests: still there, closed, saying why.
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments`);
    const folded = page.locator(`#comment-${first} > .comment__folded`);
    await expect(folded.locator('> summary').textContent()).resolves.toContain('접기 요청 1건');
    await expect(folded.getAttribute('open')).resolves.toBeNull();
    await folded.locator('> summary').click();
    await expect(folded.locator('.comment__text').first().isVisible()).resolves.toBe(true);
    await e2e.context.clearCookies();
  });

  it('an editor approves the held comment in /studio/comments; its author sees it published', {
    timeout: 60_000,
  }, async () => {
    const page = await open('/');
    await signIn(page, 'editor@sosik.example', EDITOR_PASSWORD);
    await page.goto(`${e2e.baseUrl}/studio/comments`);
    await page.check(`#pick-${held}`);
    await page.check('input[name="action"][value="approve"]');
    await Promise.all([page.waitForNavigation(), page.click('.studio-comments__queue button[type="submit"]')]);
    await expect(page.locator(`#queue-${held}`).count()).resolves.toBe(0);
    await e2e.context.clearCookies();

    await signIn(page, 'hana@example.kr', PASSWORD);
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments?sort=newest`);
    const mine = page.locator(`#comment-${held}`);
    await expect(mine.locator('.comment__text').textContent()).resolves.toContain('https://example.org/tidal');
    await expect(mine.locator('.comment__status').count()).resolves.toBe(0);
    // Everyone sees it now.
    await e2e.context.clearCookies();
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments?sort=newest`);
    await expect(page.locator(`#comment-${held} .comment__text a`).getAttribute('rel')).resolves.toBe(
      'nofollow ugc noopener',
    );
  });

  it('XSS payloads posted as comments and typed as nicknames never run', { timeout: 120_000 }, async () => {
    const page = await open('/');
    await signUp(page, 'sora@example.kr', '소라');
    await articleThread(page);
    const ids: number[] = [];
    for (const payload of XSS_PAYLOADS) ids.push(await postWithScript(page, payload));
    // As inserted by the island, then as rendered by the server, signed in and signed out.
    expect(await injected(page)).toEqual([]);
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments?sort=newest`);
    const stored = await e2e.db.selectFrom('comments').select(['id', 'body']).where('id', 'in', ids).execute();
    // Shown as text: exactly what was stored, every character (line breaks become <br>).
    for (const { id, body } of stored)
      await expect(page.locator(`#comment-${id} .comment__text`).textContent()).resolves.toBe(body.replace(/\n/g, ''));
    expect(await injected(page)).toEqual([]);
    // Hover and focus everything a payload might have attached a handler to.
    for (const id of ids.slice(0, 8)) await page.hover(`#comment-${id} .comment__text`);
    // Nicknames: the rename form refuses each and shows it back inertly; the name stays.
    for (const payload of XSS_PAYLOADS) {
      await page.goto(`${e2e.baseUrl}/account`);
      await page.fill('#account-nickname', payload);
      await Promise.all([page.waitForNavigation(), page.click('form[action="/account/nickname"] button')]);
      expect(await injected(page)).toEqual([]);
    }
    const sora = await e2e.db
      .selectFrom('readers')
      .select('nickname')
      .where('email', '=', 'sora@example.kr')
      .executeTakeFirst();
    expect(sora?.nickname).toBe('소라');
    await e2e.context.clearCookies();
    const anonymous = await e2e.open(`/articles/${article}`); // beside `page`, which goes on below
    anonymous.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await anonymous.waitForSelector(`#comment-${ids[0]}`);
    expect(await injected(anonymous)).toEqual([]);
    // And the sign-up form (each attempt costs a password hash: two of the sharpest payloads).
    for (const payload of [XSS_PAYLOADS[5]!, XSS_PAYLOADS[6]!]) {
      await page.goto(`${e2e.baseUrl}/signup`);
      await page.fill('#signup-email', `x${XSS_PAYLOADS.indexOf(payload)}@example.kr`);
      await page.fill('#signup-password', PASSWORD);
      await page.fill('#signup-nickname', payload);
      await page.check('#signup-terms');
      await page.check('#signup-privacy');
      await Promise.all([page.waitForNavigation(), page.click('.reader-form button[type="submit"]')]);
      expect(new URL(page.url()).pathname).toBe('/signup');
      expect(await injected(page)).toEqual([]);
    }
    expect(
      await e2e.db.selectFrom('readers').select('nickname').where('email', 'like', 'x%@example.kr').execute(),
    ).toEqual([]);
    // The detector itself sees a handler and a stray element when there is one.
    await page.goto(`${e2e.baseUrl}/articles/${article}/comments`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'void 0');
      document.querySelector('#comments')?.append(img);
    });
    expect(await injected(page)).toEqual(['img[onerror]', 'injected <img>']);
    expect(dialogs).toEqual([]);
  });

  it('a comment another reader posts appears on an open page without a reload', { timeout: 60_000 }, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      // A visitor in their own browser, signed out, reading the article.
      const visitor = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
      // The stream is subscribed before its headers go out: once they are here, the visitor hears.
      const streaming = visitor.waitForResponse((r) => r.url().endsWith(`/articles/${article}/comments/live`));
      await visitor.goto(`${e2e.baseUrl}/articles/${article}`);
      expect((await streaming).status()).toBe(200);
      const page = await open('/');
      await signIn(page, 'duri@example.kr', PASSWORD);
      await articleThread(page);
      const id = await postWithScript(page, '열린 페이지에 바로 보일 댓글');
      const arrived = visitor.locator(`#comment-${id}.comment--new`);
      await arrived.waitFor();
      await expect(arrived.locator('.comment__text').textContent()).resolves.toBe('열린 페이지에 바로 보일 댓글');
      expect(new URL(visitor.url()).pathname).toBe(`/articles/${article}`);
      await expect(visitor.locator('[data-live-count]').textContent()).resolves.toBe('새 댓글 1개가 올라왔습니다.');
      expect(await injected(visitor)).toEqual([]);
      await e2e.context.clearCookies();
    } finally {
      await browser.close();
    }
  });

  it('with JavaScript off, the form posts and returns to the thread', { timeout: 60_000 }, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ko-KR' });
      const page = await context.newPage();
      await page.goto(`${e2e.baseUrl}/login`);
      await page.fill('#login-email', 'duri@example.kr');
      await page.fill('#login-password', PASSWORD);
      await Promise.all([
        page.waitForURL((u) => u.pathname !== '/login'),
        page.click('.login-form button[type="submit"]'),
      ]);
      await page.goto(`${e2e.baseUrl}/articles/${article}/comments`);
      await page.fill('#comment-body', '스크립트 없이 쓴 댓글입니다');
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/articles/${article}/comments` && u.hash.startsWith('#comment-')),
        page.click('form[data-comment-form]:not(.comment-form--reply) button[type="submit"]'),
      ]);
      const id = new URL(page.url()).hash.slice('#comment-'.length);
      await expect(page.locator(`#comment-${id} .comment__text`).textContent()).resolves.toBe(
        '스크립트 없이 쓴 댓글입니다',
      );
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('axe-core finds no serious or critical violation on the thread, light and dark', { timeout: 60_000 }, async () => {
    const page = await open('/');
    await signIn(page, 'hana@example.kr', PASSWORD);
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of [`/articles/${article}/comments`, `/articles/${article}`]) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await page.waitForSelector('#comments');
        // Open every disclosure so the hidden controls are checked too.
        await page.evaluate(() => {
          for (const d of document.querySelectorAll('#comments details')) d.setAttribute('open', '');
        });
        problems.push(...seriousViolations(`${path} (${scheme})`, await runAxe(page)));
      }
    }
    expect(problems).toEqual([]);
  });
});
