// The search.index job's runBatch must leave the index exactly as the jobs run one by one would:
// the same entries, and on PostgreSQL the same document frequencies and collection totals.
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/helpers/databases.ts';
import { REGISTRY } from '../app.ts';
import { ingestArticles } from '../articles/index.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { indexArticle, indexArticles, reindexAll } from './indexing.ts';

const TOPICS = ['태풍 북상', '가뭄 대책', '전통시장 지원', '초소형 위성 발사', '하천 정비'];

describe.each(await testDialects())('batched indexing on %s', (dialect) => {
  let one: TestDb;
  let many: TestDb;
  const deps = (t: TestDb): AppDeps => ({
    db: t.db,
    dialect,
    config: loadConfig({}, { logLevel: 'silent' }),
    log: pino({ level: 'silent' }),
    registry: REGISTRY,
    nudgeJobs: () => {},
  });

  beforeEach(async () => {
    [one, many] = await Promise.all([createTestDb(dialect), createTestDb(dialect)]);
    for (const t of [one, many]) {
      await t.db.insertInto('presses').values({ slug: 'garam', name: '가람일보', created_at: 0 }).execute();
      const reqs = Array.from({ length: 30 }, (_, n) => ({
        pressId: 1,
        source: 'api' as const,
        input: {
          uri: `urn:ix:${n}`,
          headline: `${TOPICS[n % TOPICS.length]} ${n}호`,
          bodyHtml: `<p>${TOPICS[(n * 3) % TOPICS.length]} 소식이 이어졌다. 기사 ${n}.</p>`,
          lang: 'ko',
          bylines: [],
          subjects: [],
          keywords: [],
          photos: [],
          pubstatus: n % 7 === 3 ? ('canceled' as const) : ('usable' as const),
        },
        original: {},
        now: 1_700_000_000_000 + n,
      }));
      await ingestArticles(deps(t), reqs);
    }
  });
  afterEach(async () => {
    await one.dispose();
    await many.dispose();
  });

  async function indexState(t: TestDb) {
    const docs = await t.db
      .selectFrom('search_docs')
      .select(['article_id', 'revision', 'head_len', 'body_len'])
      .orderBy('article_id')
      .execute();
    if (dialect !== 'postgres') return { docs, postings: await sqlitePostings(t) };
    const terms = await t.db
      .selectFrom('search_terms')
      .select(['term', 'df'])
      .where('df', '!=', 0)
      .orderBy('term')
      .execute();
    const stats = await t.db.selectFrom('search_stats').select(['doc_count', 'head_total', 'body_total']).execute();
    const sum = (k: 'doc_count' | 'head_total' | 'body_total') => stats.reduce((n, r) => n + Number(r[k]), 0);
    const { rows: vectors } = await sql<{ id: number; tsv: string; cho: string }>`
      select article_id as id, tsv::text as tsv, cho_tsv::text as cho from search_docs order by article_id`.execute(
      t.db,
    );
    return { docs, terms, vectors, totals: [sum('doc_count'), sum('head_total'), sum('body_total')] };
  }

  /** Every posting (term, document, column, position) of both FTS5 tables, read through fts5vocab. */
  async function sqlitePostings(t: TestDb) {
    const out: unknown[] = [];
    for (const table of ['search_fts', 'search_cho']) {
      await sql`create virtual table if not exists ${sql.raw(`${table}_v`)} using fts5vocab(${sql.raw(table)}, 'instance')`.execute(
        t.db,
      );
      const { rows } =
        await sql`select term, doc, col, offset from ${sql.raw(`${table}_v`)} order by doc, col, offset`.execute(t.db);
      out.push(rows);
    }
    return out;
  }

  it('indexes usable articles and removes withdrawn ones, as one by one does, duplicates and all', async () => {
    const ids = Array.from({ length: 30 }, (_, n) => n + 1);
    for (const id of ids) await indexArticle(deps(one), id);
    await indexArticles(deps(many), [...ids, 4, 5, 999]); // repeats and an id that does not exist
    const state = await indexState(many);
    expect(state.docs).toHaveLength(30 - 4); // articles 4, 11, 18 and 25 are withdrawn
    expect(state).toEqual(await indexState(one));
  });

  it('a second batch over the same articles changes nothing', async () => {
    const ids = Array.from({ length: 30 }, (_, n) => n + 1);
    await indexArticles(deps(many), ids);
    const first = await indexState(many);
    await indexArticles(deps(many), ids);
    expect(await indexState(many)).toEqual(first);
  });

  it('a full rebuild (reindexAll) leaves the same index as the jobs one by one', async () => {
    const ids = Array.from({ length: 30 }, (_, n) => n + 1);
    for (const id of ids) await indexArticle(deps(one), id);
    await indexArticles(deps(many), ids.slice(0, 12)); // a stale index the rebuild must replace
    const result = await reindexAll(deps(many), () => {}, 7); // several slices, written while the next is analysed
    expect(result).toEqual({ done: 26, total: 26 });
    const state = await indexState(many);
    expect(state.docs).toHaveLength(26);
    const postings = 'postings' in state ? (state.postings as unknown[][])[0] : state.vectors;
    expect(postings.length).toBeGreaterThanOrEqual(26); // the comparison below sees the postings themselves
    expect(state).toEqual(await indexState(one));
  });
});
