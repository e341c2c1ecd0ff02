import { REGISTRY } from '../app.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandContext, type CommandContext } from '../cli-types.ts';
import { loadConfig, type Config } from '../config.ts';
import { JobWorker } from '../jobs/worker.ts';
import type { Runtime } from '../runtime.ts';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { feedsCommands } from './commands.ts';
import { startTestServer, type TestServer } from './fetch/test-server.ts';
import { planOpmlImport } from './opml.ts';
import { listFeeds } from './store.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ '/rss': (_req, res) => res.end(fs.readFileSync(path.join(FIXTURES, 'rss2.xml'))) });
});
afterAll(() => srv.close());

describe('planOpmlImport', () => {
  it('names presses by the press attribute or the site host, and refuses non-http feeds', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'presses.opml'), 'utf8');
    expect(() => planOpmlImport(text)).toThrow(/only http and https/);
    const plan = planOpmlImport(text.replace(/.*ftp:.*\n/, ''));
    expect(plan).toEqual([
      {
        pressSlug: 'hanbit',
        pressName: '한빛일보',
        homepage: 'https://hanbit-daily.example/',
        url: 'https://hanbit-daily.example/rss/all.xml',
      },
      {
        pressSlug: 'hanbit',
        pressName: '한빛일보',
        homepage: 'https://hanbit-daily.example/economy',
        url: 'https://hanbit-daily.example/rss/economy.xml',
      },
      {
        pressSlug: 'baram-example',
        pressName: '바람신문',
        homepage: 'https://www.baram.example/',
        url: 'https://www.baram.example/atom.xml',
      },
      { pressSlug: 'mujigae-example', pressName: '무지개 통신', url: 'https://mujigae.example/feed.json' },
    ]);
  });

  it('refuses OPML files that declare entities', () => {
    expect(() => planOpmlImport(fs.readFileSync(path.join(FIXTURES, 'billion-laughs.xml'), 'utf8'))).toThrow(
      /entities/,
    );
  });
});

describe.each(await testDialects())('feeds commands on %s', (dialect) => {
  let t: TestDb;
  let printed: string[];
  beforeEach(async () => {
    t = await createTestDb(dialect);
    printed = [];
  });
  afterEach(() => t.dispose());

  function ctx(args: string[], flags: Record<string, string>, overrides: Partial<Config> = {}): CommandContext {
    const config = loadConfig({}, { demo: false, ...overrides });
    return commandContext({
      config,
      args,
      flags,
      print: (line) => printed.push(line),
      open: async (): Promise<Runtime> => {
        const deps = {
          db: t.db,
          dialect,
          config,
          log: pino({ level: 'silent' }),
          nudgeJobs: () => {},
          registry: REGISTRY,
        };
        const worker = new JobWorker(deps);
        // The test owns the database: closing the runtime must not close it.
        return { deps, handle: t, worker, close: async () => {} } as Runtime;
      },
    });
  }

  it('imports OPML (creating presses), adds a feed, polls it and lists its health', async () => {
    const opml = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opml-')), 'p.opml');
    fs.writeFileSync(opml, fs.readFileSync(path.join(FIXTURES, 'presses.opml'), 'utf8').replace(/.*ftp:.*\n/, ''));
    await feedsCommands['feeds import']!.run(ctx([opml], {}));
    expect(printed.at(-1)).toBe(
      'created 3 presses (hanbit, baram-example, mujigae-example), 4 feeds; 0 feeds were already registered',
    );
    await feedsCommands['feeds import']!.run(ctx([opml], {}));
    expect(printed.at(-1)).toBe('created 0 presses, 0 feeds; 4 feeds were already registered');
    const hanbit = await t.db.selectFrom('presses').selectAll().where('slug', '=', 'hanbit').executeTakeFirstOrThrow();
    expect(hanbit).toMatchObject({ name: '한빛일보', api_key_hash: null });

    await expect(feedsCommands['feeds add']!.run(ctx(['ftp://x/y'], { press: 'hanbit' }))).rejects.toThrow(
      /only http and https/,
    );
    await expect(feedsCommands['feeds add']!.run(ctx([`${srv.base}/rss`], { press: 'nobody' }))).rejects.toThrow(
      /No press "nobody"/,
    );
    await feedsCommands['feeds add']!.run(ctx([`${srv.base}/rss`], { press: 'hanbit', interval: '300' }));
    expect(printed.at(-1)).toMatch(/^added feed \d+ for hanbit: http:\/\/127\.0\.0\.1:\d+\/rss \(every 300 s\)$/);
    const local = (await listFeeds(t.db)).find((f) => f.url === `${srv.base}/rss`)!;

    // Without the private-address allowance the local server is refused, and the exit code says so.
    expect(await feedsCommands['feeds poll']!.run(ctx([], { feed: String(local.id) }))).toBe(1);
    expect(printed.at(-2)).toContain('FEED_PRIVATE_ADDRESS');
    // A refused feed says in words what was wrong with it, on the poll and in the list.
    expect(printed.at(-2)).toContain('Not fetched: the address is private, loopback or link-local.');
    await feedsCommands['feeds list']!.run(ctx([], { press: 'hanbit' }));
    expect(printed.findLast((l) => l.includes(`${srv.base}/rss\t`))).toMatch(
      /failing x1\t.*Not fetched: the address is private, loopback or link-local\. \(FEED_PRIVATE_ADDRESS: /,
    );
    expect(
      await feedsCommands['feeds poll']!.run(ctx([], { feed: String(local.id) }, { feedsAllowPrivate: true })),
    ).toBe(0);
    expect(printed.at(-2)).toMatch(/^ok .*\(2 items, 2 new or changed\)$/);

    await feedsCommands['feeds list']!.run(ctx([], { press: 'hanbit' }));
    const line = printed.find((l) => l.includes(`${srv.base}/rss`) && l.includes('taken 2'));
    expect(line).toContain('\tok\t');
  });
});
