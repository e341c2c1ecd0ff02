// Real-browser test harness: the real app (buildApp) on a temporary SQLite file, listening on
// 127.0.0.1, plus Debian's Chromium driven by playwright-core with a fresh profile.
// When /usr/bin/chromium is absent the suites skip with a one-line reason, unless
// SOSIK_REQUIRE_BROWSER=1 (CI), where that is a failure.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp, REGISTRY } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import { ChangeBus } from '../../src/db/change-bus.ts';
import { openDatabase, type DbHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { insertFixture, type Fixture } from './fixtures.ts';

export const CHROMIUM_PATH = process.env.SOSIK_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function browserSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.SOSIK_REQUIRE_BROWSER === '1') throw new Error(`SOSIK_REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(reason);
  return reason;
}

/** Set when the browser suites must skip; evaluated once per test file. */
export const skipBrowser: boolean = browserSkipReason() !== undefined;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface E2E {
  baseUrl: string;
  fixture: Fixture;
  context: BrowserContext;
  app: FastifyInstance;
  /** The app's database, for suites that add their own rows (e.g. issues) before browsing. */
  db: DbHandle['db'];
  /** Opens a page and fails the test on any CSP violation or page error it reports. */
  open(pathname: string): Promise<Page>;
  /** Problems the pages reported (CSP violations, uncaught errors). */
  pageProblems: string[];
  close(): Promise<void>;
}

export interface E2EOptions {
  /** Only for injecting test tooling (axe-core) as a script tag; functional tests keep the CSP. */
  bypassCSP?: boolean;
  /** Options on top of the harness's own (e.g. an SMTP server for mail). */
  config?: Partial<Config>;
  /** Run the durable job worker in the process, as `sosik serve` does (mail, indexing…). */
  jobs?: boolean;
  /** The browser's user agent (headless Chromium names itself HeadlessChrome, which view counting skips). */
  userAgent?: string;
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-e2e-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-chromium-'));
  let handle: DbHandle | undefined;
  let app: FastifyInstance | undefined;
  let stopWorker: () => Promise<void> = async () => {};
  try {
    handle = openDatabase({ sqlitePath: path.join(tmp, 'sosik.db') });
    await migrateToLatest(handle);
    const fixture = await insertFixture(handle.db);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig(
      {},
      {
        port,
        host: '127.0.0.1',
        publicUrl: baseUrl,
        demo: false,
        workers: false,
        logLevel: 'silent',
        pageSize: 10,
        pageCacheSeconds: 0,
        ...options.config,
      },
    );
    let worker: JobWorker | undefined;
    const deps: AppDeps = {
      db: handle.db,
      dialect: handle.dialect,
      config,
      log: pino({ level: 'silent' }),
      nudgeJobs: () => worker?.nudge(),
      registry: REGISTRY,
      // One process: changes (page cache, live comments) are delivered in it, as `sosik serve` on SQLite does.
      changes: new ChangeBus(`e2e:${tmp}`),
    };
    if (options.jobs) {
      worker = new JobWorker(deps, { pollMs: 100 });
      worker.start();
    }
    stopWorker = () => worker?.stop() ?? Promise.resolve();
    app = await buildApp(deps);
    await app.listen({ port, host: '127.0.0.1' });

    const { context, open, pageProblems } = await launchChromium(profile, baseUrl, {
      bypassCSP: options.bypassCSP ?? false,
      userAgent: options.userAgent,
    });
    const ownedApp = app;
    const ownedHandle = handle;
    return {
      baseUrl,
      fixture,
      context,
      app,
      db: handle.db,
      open,
      pageProblems,
      close: async () => {
        await context.close().catch(() => {});
        await stopWorker();
        await ownedApp.close();
        await ownedHandle.close();
        fs.rmSync(tmp, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopWorker().catch(() => {});
    await app?.close().catch(() => {});
    await handle?.close().catch(() => {});
    throw err;
  }
}

/**
 * Chromium with a fresh profile in `profile` (Korean, Seoul time), and `open`, which fails the test
 * on any CSP violation or page error a page reports. For suites whose server is not startE2E's.
 */
export async function launchChromium(
  profile: string,
  baseUrl: string,
  options: { bypassCSP?: boolean; userAgent?: string } = {},
): Promise<{ context: BrowserContext; open: (pathname: string) => Promise<Page>; pageProblems: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    bypassCSP: options.bypassCSP ?? false,
    // Headless Chromium names itself HeadlessChrome, which view counting takes for a bot.
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  const pageProblems: string[] = [];
  const open = async (pathname: string) => {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
        pageProblems.push(msg.text());
    });
    page.on('pageerror', (err) => pageProblems.push(String(err)));
    const res = await page.goto(baseUrl + pathname, { waitUntil: 'load' });
    if (!res) throw new Error(`no response for ${pathname}`);
    return page;
  };
  return { context, open, pageProblems };
}

export function resultPath(name: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, name);
}
