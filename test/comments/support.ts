// Test support for comments: an app with reader accounts, articles to comment on, and verified
// readers signed in through the readers' own forms (sign-up, the e-mailed link, sign-in).
import type { LightMyRequestResponse } from 'fastify';
import { ingestArticle } from '../../src/articles/index.ts';
import type { Config } from '../../src/config.ts';
import type { Dialect } from '../../src/db/database.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  csrfOf,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
  tokenFor,
} from '../../src/readers/test-support.ts';

export function commentsTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  return readersTestApp(dialect, {
    newAccountWaitHours: 0,
    commentGapSeconds: 0,
    commentLikeGapSeconds: 0,
    ...overrides,
  });
}

let seq = 0;

export async function makeArticle(
  t: TestApp,
  opts: { headline?: string; categoryId?: number; pressSlug?: string } = {},
): Promise<{ id: number; pressId: number }> {
  const slug = opts.pressSlug ?? 'comment-press';
  let press = await t.deps.db.selectFrom('presses').select('id').where('slug', '=', slug).executeTakeFirst();
  press ??= await t.deps.db
    .insertInto('presses')
    .values({ slug, name: '댓글일보', created_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  seq++;
  const input = {
    uri: `urn:comments-test:${Date.now()}:${seq}`,
    headline: opts.headline ?? `댓글 시험 기사 ${seq}`,
    bodyHtml: '<p>본문입니다.</p>',
    lang: 'ko',
    pubstatus: 'usable' as const,
    bylines: [],
    keywords: [],
    subjects: [],
    photos: [],
  };
  const { id } = await ingestArticle(t.deps, { pressId: press.id, source: 'api', input, original: input });
  if (opts.categoryId !== undefined)
    await t.deps.db.insertInto('article_categories').values({ article_id: id, category_id: opts.categoryId }).execute();
  return { id, pressId: press.id };
}

export interface TestReader {
  id: number;
  nickname: string;
  browser: TestBrowser;
}

/** Signs up, follows the verification link and signs in, as a person would. */
export async function verifiedReader(
  t: TestApp,
  nickname: string,
  ip = '10.60.0.1',
  verify = true,
): Promise<TestReader> {
  const email = `${encodeURIComponent(nickname).replace(/%/g, '').toLowerCase()}-${Date.now()}-${++seq}@example.kr`;
  const signup = await signUpVia(new TestBrowser(t.app, ip), { email, nickname });
  if (signup.statusCode !== 303) throw new Error(`sign-up failed: ${signup.statusCode} ${signup.body.slice(0, 300)}`);
  const row = (await readerByEmail(t, email))!;
  const browser = new TestBrowser(t.app, ip);
  if ((await signInVia(browser, email)).statusCode !== 303) throw new Error('sign-in failed');
  if (verify) {
    const token = await tokenFor(t, 'verify_email', row.id, email);
    const res = await browser.submit(`/verify-email?token=${token}`, '/verify-email', { token });
    if (res.statusCode !== 303) throw new Error(`verification failed: ${res.statusCode}`);
  }
  return { id: row.id, nickname, browser };
}

/** Posts a comment the way the thread page's form does (no JavaScript). */
export async function postVia(
  r: TestReader,
  articleId: number,
  body: string,
  parentId?: number,
): Promise<LightMyRequestResponse> {
  const page = await r.browser.get(`/articles/${articleId}/comments`);
  return r.browser.post(`/articles/${articleId}/comments`, {
    _csrf: csrfOf(page.body),
    body,
    ...(parentId ? { parentId: String(parentId) } : {}),
  });
}

/** The CSRF token of the reader's session (for posting without reloading the page each time). */
export async function csrfFor(r: TestReader, articleId: number): Promise<string> {
  return csrfOf((await r.browser.get(`/articles/${articleId}/comments`)).body);
}

export async function postJson(
  t: TestApp,
  r: TestReader,
  csrf: string,
  articleId: number,
  body: string,
  parentId?: number,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/articles/${articleId}/comments`,
    remoteAddress: r.browser.ip,
    headers: {
      cookie: [...r.browser.cookies].map(([k, v]) => `${k}=${v.value}`).join('; '),
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-csrf-token': csrf,
    },
    payload: new URLSearchParams({ body, ...(parentId ? { parentId: String(parentId) } : {}) }).toString(),
  });
}

/**
 * A second server on the same database, as a second process would be: its own app and, on
 * PostgreSQL, its own connection pool. On SQLite it shares the one connection (one process).
 */
export async function secondServer(t: TestApp): Promise<{ app: TestApp['app']; close(): Promise<void> }> {
  if (t.deps.dialect === 'sqlite') return { app: t.app, close: async () => {} };
  const { sql } = await import('kysely');
  const { openDatabase } = await import('../../src/db/database.ts');
  const { buildApp } = await import('../../src/app.ts');
  const { TEST_PG_URL } = await import('../helpers/databases.ts');
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.deps.db)).rows[0]!.s;
  const handle = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4 });
  const app = await buildApp({ ...t.deps, db: handle.db });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** Posts through a given server with the reader's cookies (JSON, as the page's script does). */
export function postJsonVia(
  app: TestApp['app'],
  r: TestReader,
  csrf: string,
  articleId: number,
  body: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/articles/${articleId}/comments`,
    remoteAddress: r.browser.ip,
    headers: {
      cookie: [...r.browser.cookies].map(([k, v]) => `${k}=${v.value}`).join('; '),
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-csrf-token': csrf,
    },
    payload: new URLSearchParams({ body }).toString(),
  });
}
