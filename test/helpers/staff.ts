// Test support for staff features: an app on a real test database, users, and a browser-like
// sign-in that carries cookies and CSRF tokens the way a browser would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { createTestDb, type TestDb } from './databases.ts';
import { buildApp, REGISTRY } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Dialect } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import type { AppDeps } from '../../src/deps.ts';
import { createUser } from '../../src/accounts/users.ts';

export interface StaffTestApp {
  app: FastifyInstance;
  deps: AppDeps;
  testDb: TestDb;
  close(): Promise<void>;
}

export async function staffTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<StaffTestApp> {
  const testDb = await createTestDb(dialect);
  const config = loadConfig(
    {},
    { demo: false, workers: false, publicUrl: 'http://localhost:3000', pageCacheSeconds: 0, ...overrides },
  );
  const deps: AppDeps = {
    db: testDb.db,
    dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    testDb,
    close: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery';

export async function addStaff(deps: AppDeps, email: string, role: Role, pressSlug?: string) {
  return createUser(deps, { email, password: TEST_PASSWORD, role, pressSlug });
}

/** Cookie name → value from the Set-Cookie headers of a response. */
export function setCookies(res: LightMyRequestResponse): Record<string, { value: string; header: string }> {
  const raw = res.headers['set-cookie'];
  const headers = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  const out: Record<string, { value: string; header: string }> = {};
  for (const h of headers) {
    const [pair] = h.split(';');
    const eq = pair!.indexOf('=');
    out[pair!.slice(0, eq)] = { value: pair!.slice(eq + 1), header: h };
  }
  return out;
}

export function hiddenCsrf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in page');
  return m[1]!;
}

export function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** Opens the sign-in page (getting the double-submit cookie) and posts credentials. */
export async function postLogin(
  app: FastifyInstance,
  email: string,
  password: string,
  opts: { ip?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const extra = opts.headers ?? {};
  const page = await app.inject({
    method: 'GET',
    url: '/login',
    remoteAddress: opts.ip,
    headers: { ...extra, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
  });
  const csrfCookie = setCookies(page).sosik_csrf?.value;
  const token = hiddenCsrf(page.body);
  const cookie = [opts.cookie, csrfCookie ? `sosik_csrf=${csrfCookie}` : undefined].filter(Boolean).join('; ');
  const body = form({ _csrf: token, email, password, next: '/studio' });
  return app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: opts.ip,
    payload: body.payload,
    headers: { ...extra, ...body.headers, cookie },
  });
}

/** Signs in and returns the Cookie header value a browser would send afterwards. */
export async function signIn(app: FastifyInstance, email: string, opts: { ip?: string } = {}): Promise<string> {
  const res = await postLogin(app, email, TEST_PASSWORD, opts);
  const session = setCookies(res).sosik_session?.value;
  if (res.statusCode !== 303 || !session)
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return `sosik_session=${session}`;
}

/** The synchronizer token of a signed-in session, as the studio page embeds it. */
export async function sessionCsrf(app: FastifyInstance, cookie: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/studio', headers: { cookie } });
  return hiddenCsrf(res.body);
}
