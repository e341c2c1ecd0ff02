// `sosik import`: NDJSON and feed files through the batch path, with a summary that counts every
// outcome and names each refusal's line and reason; re-importing changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { REGISTRY } from '../app.ts';
import { type CommandContext, commandContext } from '../cli-types.ts';
import { loadConfig } from '../config.ts';
import { JobWorker } from '../jobs/worker.ts';
import type { Runtime } from '../runtime.ts';
import { importCommands } from './import-command.ts';
import { detectFormat, lines } from './import-source.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

function ninjsLine(n: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    uri: `urn:import:${n}`,
    type: 'text',
    headlines: [{ role: 'main', value: `가람시 소식 ${n}` }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>본문 ${n}</p>` }],
    subjects: [{ code: 'society' }],
    ...overrides,
  });
}

describe('format detection and line splitting', () => {
  it('tells NDJSON from XML feeds and JSON Feed, on one line or pretty-printed', () => {
    expect(detectFormat(`${ninjsLine(1)}\n${ninjsLine(2)}\n`)).toBe('ndjson');
    expect(detectFormat('\uFEFF  <?xml version="1.0"?><rss>')).toBe('feed');
    expect(detectFormat(fs.readFileSync(path.join(FIXTURES, 'jsonfeed-1.1.json'), 'utf8'))).toBe('feed');
    expect(detectFormat(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [] }))).toBe(
      'feed',
    );
    expect(detectFormat('{broken\n')).toBe('ndjson');
  });

  it('splits lines across chunks and replaces an over-long line by null without keeping it', async () => {
    async function* chunks() {
      yield Buffer.from('ab');
      yield Buffer.from('c\ndefghij');
      yield Buffer.from('klmnop\nq');
      yield Buffer.from('r\n\ns');
    }
    const out: Array<string | null> = [];
    for await (const l of lines(chunks(), 5)) out.push(l === null ? null : l.toString());
    expect(out).toEqual(['abc', null, 'qr', '', 's']);
  });
});

describe.each(await testDialects())('sosik import on %s', (dialect) => {
  let t: TestDb;
  let printed: string[];
  let dir: string;
  beforeEach(async () => {
    t = await createTestDb(dialect);
    await t.db.insertInto('presses').values({ slug: 'garam', name: '가람일보', created_at: Date.now() }).execute();
    printed = [];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-import-'));
  });
  afterEach(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function ctx(args: string[], flags: Record<string, string>): CommandContext {
    const config = loadConfig({}, { demo: false, logLevel: 'silent', bodyLimitBytes: 4096 });
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
        return { deps, handle: t, worker: new JobWorker(deps), close: async () => {} } as Runtime;
      },
    });
  }
  const run = (file: string, flags: Record<string, string> = { press: 'garam' }) =>
    importCommands.import!.run(ctx([file], flags));
  const articles = async () =>
    (await t.db.selectFrom('articles').select('uri').orderBy('uri').execute()).map((r) => r.uri);

  it('imports NDJSON, refusing bad lines with their line number and reason, and a re-import changes nothing', async () => {
    const file = path.join(dir, 'items.ndjson');
    const lines = [
      ninjsLine(1),
      ninjsLine(2),
      '{not json',
      '',
      ninjsLine(3, { type: 'event' }),
      ninjsLine(4, { headlines: [] }),
      ninjsLine(5, { bodies: [{ value: `<p>${'긴 본문 '.repeat(1000)}</p>` }] }),
      ninjsLine(1, {
        headlines: [{ role: 'main', value: '가람시 소식 1 (고침)' }],
        versioncreated: '2030-01-01T00:00:00Z',
      }),
      `${'['.repeat(40)}${']'.repeat(40)}`,
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await run(file)).toBe(1);
    expect(printed[0]).toBe('accepted 2 new, updated 1, unchanged 0, refused 5');
    expect(printed.slice(1, 6)).toEqual([
      expect.stringMatching(/^ {2}line 3: MALFORMED_JSON: /),
      '  line 5: UNSUPPORTED_ITEM_TYPE at type: "event" is not accepted',
      expect.stringMatching(/^ {2}line 6: VALIDATION_FAILED at headlines: /),
      expect.stringMatching(/^ {2}line 7: BODY_TOO_LARGE: /),
      expect.stringMatching(/^ {2}line 9: JSON_TOO_DEEP: /),
    ]);
    expect(await articles()).toEqual(['urn:import:1', 'urn:import:2']);
    const jobs = await t.db.selectFrom('jobs').select('kind').execute();
    expect(jobs).toHaveLength(3 * REGISTRY.articleChangedJobs.length);

    printed = [];
    // The current versions again (the first line of item 1 was replaced by a newer one).
    fs.writeFileSync(file, `${[lines[1], lines[7]].join('\n')}\n`);
    expect(await run(file)).toBe(0);
    expect(printed).toEqual(['accepted 0 new, updated 0, unchanged 2, refused 0']);
  });

  it('imports an RSS file and a JSON Feed through the feed parser', async () => {
    expect(await run(path.join(FIXTURES, 'rss2.xml'))).toBe(0);
    const fromRss = (await articles()).length;
    expect(fromRss).toBeGreaterThan(0);
    expect(printed[0]).toBe(`accepted ${fromRss} new, updated 0, unchanged 0, refused 0`);
    printed = [];
    expect(await run(path.join(FIXTURES, 'jsonfeed-1.1.json'))).toBe(0);
    expect(printed[0]).toMatch(/^accepted [1-9]\d* new, updated 0, unchanged 0, refused 0$/);
    const sources = await t.db.selectFrom('articles').select('source').distinct().execute();
    expect(sources).toEqual([{ source: 'feed' }]);
  });

  it('refuses an unknown press or a missing file before reading anything', async () => {
    await expect(run(path.join(FIXTURES, 'rss2.xml'), { press: 'nobody' })).rejects.toThrow(/No press "nobody"/);
    await expect(run(path.join(dir, 'absent.ndjson'))).rejects.toThrow(/No file/);
    await expect(run(path.join(FIXTURES, 'rss2.xml'), {})).rejects.toThrow(/import <file/);
    expect(await articles()).toEqual([]);
  });
});
