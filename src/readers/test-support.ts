// Test support for reader accounts: an app on a real test database, and a browser-like client
// over app.inject that keeps cookies and posts forms with the CSRF token the page carried.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { assembleRegistry } from '../registry.ts';
import { CAPABILITIES } from '../app.ts';
import type { Config } from '../config.ts';
import type { Dialect } from '../db/database.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createReadersCapability, type ReadersOptions } from './capability.ts';
import { storeToken } from './token-store.ts';
import type { TokenPurpose } from './tokens.ts';

export const READER_PASSWORD = 'quiet harbour lanterns';

/** The shipped capabilities with the readers capability built from `options` (e.g. a test OIDC provider). */
export function readersRegistry(options: ReadersOptions = { oidc: null }) {
  return assembleRegistry(CAPABILITIES.map((c) => (c.name === 'readers' ? createReadersCapability(options) : c)));
}

export async function readersTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  options?: ReadersOptions,
): Promise<TestApp> {
  // Without an SMTP server, mail the jobs deliver goes to a folder of this test's own.
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-readers-outbox-'));
  const t = await createTestApp(
    dialect,
    { demo: false, workers: false, outboxDir, ...overrides },
    readersRegistry(options),
  );
  return {
    ...t,
    close: async () => {
      await t.close();
      fs.rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

export const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSRF field in page: ${html.slice(0, 300)}`);
  return m[1]!;
}

export class TestBrowser {
  readonly cookies = new Map<string, { value: string; header: string }>();
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '10.20.0.1',
    readonly userAgent = CHROME_WINDOWS,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const raw = res.headers['set-cookie'];
    for (const h of raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)]) {
      const [pair] = h.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(h)) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair!.slice(eq + 1), header: h });
    }
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), 'user-agent': this.userAgent },
      }),
    );
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        payload: new URLSearchParams(fields).toString(),
        headers: {
          cookie: this.cookieHeader(),
          'user-agent': this.userAgent,
          'content-type': 'application/x-www-form-urlencoded',
        },
      }),
    );
  }

  /** Opens `page`, then posts `fields` to `action` with the page's CSRF token, like a form submit. */
  async submit(page: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const res = await this.get(page);
    return this.post(action, { _csrf: csrfOf(res.body), ...fields });
  }

  get session(): string | undefined {
    return this.cookies.get('sosik_session')?.value;
  }
}

export interface SignUpFields {
  email: string;
  nickname: string;
  password?: string;
}

export function signUpFields(f: SignUpFields): Record<string, string> {
  return { email: f.email, nickname: f.nickname, password: f.password ?? READER_PASSWORD, terms: '1', privacy: '1' };
}

export async function signUpVia(browser: TestBrowser, f: SignUpFields): Promise<LightMyRequestResponse> {
  return browser.submit('/signup', '/signup', signUpFields(f));
}

export async function signInVia(
  browser: TestBrowser,
  email: string,
  password = READER_PASSWORD,
  remember = false,
): Promise<LightMyRequestResponse> {
  return browser.submit('/login', '/login', { email, password, ...(remember ? { remember: '1' } : {}) });
}

/** A link token for a reader, made the way the e-mail's would be (for tests that do not read mail). */
export async function tokenFor(
  t: TestApp,
  purpose: TokenPurpose,
  readerId: number,
  email: string | null = null,
  now = Date.now(),
): Promise<string> {
  return storeToken(t.deps.db, purpose, readerId, email, now);
}

export async function readerByEmail(t: TestApp, email: string) {
  return t.deps.db.selectFrom('readers').selectAll().where('email', '=', email).executeTakeFirst();
}
