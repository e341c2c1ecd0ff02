import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type DbHandle } from '../db/database.ts';
import { JobWorker } from '../jobs/worker.ts';
import { discardEngine } from './engine-cache.ts';
import { FIXTURE_ARTICLES } from './test-fixtures.ts';

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, 'job-crash.child.ts');

describe('issues.assign survives a process crash', () => {
  let dir: string;
  let handle: DbHandle | undefined;
  afterEach(async () => {
    if (handle) {
      discardEngine(handle.db);
      await handle.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the jobs left behind on restart, once each, with the same grouping', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-issues-crash-'));
    const file = path.join(dir, 'crash.db');
    const killed = await run(process.execPath, ['--import', 'tsx', CHILD, file, '3'], { cwd: process.cwd() }).catch(
      (e: { signal?: string }) => e,
    );
    expect((killed as { signal?: string }).signal).toBe('SIGKILL');

    handle = openDatabase({ sqlitePath: file });
    const before = await handle.db.selectFrom('issue_articles').select('article_id').execute();
    expect(before).toHaveLength(3); // the jobs that ran before the crash committed their work
    const pending = await handle.db.selectFrom('jobs').select('id').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(FIXTURE_ARTICLES.length - 3);

    // The restarted process: a fresh worker (its claims on stale leases expire, nothing was claimed here).
    const deps = {
      db: handle.db,
      dialect: handle.dialect,
      config: loadConfig({}, { demo: false }),
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    };
    await new JobWorker(deps).drain();
    const rows = await handle.db
      .selectFrom('issue_articles')
      .select(['article_id', 'issue_id'])
      .orderBy('article_id')
      .execute();
    expect(rows).toHaveLength(FIXTURE_ARTICLES.length);
    const state = await handle.db.selectFrom('issue_state').selectAll().executeTakeFirstOrThrow();
    expect(Number(state.docs)).toBe(FIXTURE_ARTICLES.length); // no article counted twice in the IDF
    const issueOfStory = new Map<string, Set<number>>();
    rows.forEach((r, i) => {
      const story = FIXTURE_ARTICLES[i]!.story;
      issueOfStory.set(story, (issueOfStory.get(story) ?? new Set()).add(r.issue_id));
    });
    expect([...issueOfStory.values()].map((s) => s.size)).toEqual([1, 1, 1]);
  });
});
