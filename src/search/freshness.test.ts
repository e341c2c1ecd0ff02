// The index follows the store through the durable job queue: create, revise, withdraw.
import { REGISTRY } from '../app.ts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { ingestArticle } from '../articles/index.ts';
import type { ArticleInput } from '../articles/index.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { JobWorker } from '../jobs/worker.ts';
import { searchArticles } from './search-service.ts';

function article(headline: string, body: string, pubstatus: ArticleInput['pubstatus'] = 'usable'): ArticleInput {
  return {
    uri: 'urn:test:1',
    headline,
    bodyHtml: `<p>${body}</p>`,
    lang: 'ko',
    bylines: [],
    subjects: [],
    keywords: [],
    photos: [],
    pubstatus,
  };
}

describe.each(await testDialects())('index freshness on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let worker: JobWorker;
  let pressId: number;
  const find = async (q: string) => (await searchArticles(deps, { q })).results.map((r) => r.id);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    deps = {
      db: t.db,
      dialect,
      config: loadConfig({}),
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    };
    worker = new JobWorker(deps);
    pressId = (
      await t.db
        .insertInto('presses')
        .values({ slug: 'hanbit', name: '한빛일보', created_at: 0 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.dispose());

  it('indexes a new article, follows a revision, and drops a withdrawn one', async () => {
    const created = await ingestArticle(deps, {
      pressId,
      source: 'api',
      input: article('태풍이 북상한다', '제주도에 강풍 특보가 내려졌다.'),
      original: {},
    });
    expect(await find('태풍')).toEqual([]); // not before the job ran
    await worker.drain();
    expect(await find('태풍')).toEqual([created.id]);

    await ingestArticle(deps, {
      pressId,
      source: 'api',
      input: article('폭우가 쏟아진다', '남부 지방에 호우 경보가 내려졌다.'),
      original: {},
    });
    await worker.drain();
    expect(await find('태풍')).toEqual([]);
    expect(await find('폭우')).toEqual([created.id]);
    expect(await find('호우')).toEqual([created.id]);

    await ingestArticle(deps, {
      pressId,
      source: 'api',
      input: article('폭우가 쏟아진다', '남부 지방에 호우 경보가 내려졌다.', 'canceled'),
      original: {},
    });
    await worker.drain();
    expect(await find('폭우')).toEqual([]);
    const jobs = await t.db.selectFrom('jobs').select(['status']).where('kind', '=', 'search.index').execute();
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('runs the job idempotently (twice in a row leaves one entry with correct statistics)', async () => {
    const created = await ingestArticle(deps, {
      pressId,
      source: 'api',
      input: { ...article('가뭄 대책 발표', '정부가 가뭄 대책을 내놨다.'), uri: 'urn:test:2' },
      original: {},
    });
    await worker.drain();
    const { indexArticle } = await import('./indexing.ts');
    await indexArticle(deps, created.id);
    await indexArticle(deps, created.id);
    expect(await find('가뭄')).toEqual([created.id]);
    const rows = await t.db.selectFrom('search_docs').select('article_id').execute();
    expect(rows.map((r) => r.article_id)).toEqual([created.id]);
    if (dialect === 'postgres') {
      // The totals are spread over several rows (migration 0013): their sum is the count.
      const stats = await t.db.selectFrom('search_stats').select('doc_count').execute();
      expect(stats.reduce((n, r) => n + Number(r.doc_count), 0)).toBe(1);
      const df = await t.db.selectFrom('search_terms').select(['term', 'df']).where('df', '>', 1).execute();
      expect(df).toEqual([]);
    }
  });
});
