// A thread's page costs the same on an article with 100,000 comments as on one with 100: every
// sort (popular, newest, oldest, ratio, replies) walks an index in its own order and stops at the
// page's end, the replies shown are a bounded walk per parent, and the counts read one index.
// The queries are the ones thread-store.ts really runs (recorded), explained on SQLite
// (EXPLAIN QUERY PLAN, over a generated site with statistics) and on PostgreSQL (EXPLAIN with
// scans and sorts priced out, so a Seq Scan or Sort left in the plan means no index can serve it).
// Speed itself is measured in bench/comments.ts, never here.
import crypto from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readComment, readThread, SORTS, threadCounts } from '../../src/comments/thread-store.ts';
import { openDatabase, type DbHandle, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { TEST_PG_URL, testDialects } from '../helpers/databases.ts';
import { verifiedReaderRow } from '../helpers/readers.ts';

const ARTICLES = 60;
const READERS = 80;
const THREAD = 300;
const ELSEWHERE = 30_000;

async function openRecorded(dialect: Dialect, record: (text: string, params: readonly unknown[]) => void) {
  if (dialect === 'sqlite') return openDatabase({ sqlitePath: ':memory:', onQuery: record });
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`; // dropped by test/helpers/global-setup.ts
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 2, onQuery: record });
}

/** A site: articles, readers, one long thread with replies, and comments everywhere else. */
async function seed(handle: DbHandle): Promise<{ article: number; reader: number; parent: number }> {
  const { db } = handle;
  const now = Date.now();
  const press = await db
    .insertInto('presses')
    .values({ slug: 'plans', name: '계획일보', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const articles = await db
    .insertInto('articles')
    .values(
      Array.from({ length: ARTICLES }, (_, i) => ({
        press_id: press.id,
        uri: `urn:plans:${i}`,
        headline: `기사 ${i}`,
        subheadline: null,
        series: null,
        body_html: '<p>본문</p>',
        body_text: '본문',
        summary: '본문',
        lang: 'ko',
        bylines: '[]',
        keywords: '[]',
        copyright: null,
        link: null,
        status: 'usable',
        source: 'api',
        revision: 1,
        first_created_at: now,
        updated_at: now,
        received_at: now,
        withdrawn_at: null,
      })),
    )
    .returning('id')
    .execute();
  const readers = await db
    .insertInto('readers')
    .values(Array.from({ length: READERS }, (_, i) => verifiedReaderRow(`plan${i}@example.kr`, `독자${i}`, now)))
    .returning('id')
    .execute();
  const statuses = ['published', 'published', 'published', 'held', 'rejected', 'deleted_author'] as const;
  const row = (i: number, articleId: number, parentId: number | null) => {
    const likes = i % 17;
    const dislikes = i % 5;
    return {
      article_id: articleId,
      parent_id: parentId,
      reader_id: readers[i % READERS]!.id,
      body: `댓글 ${i}`,
      original: `댓글 ${i}`,
      body_key: `댓글${i}`,
      status: statuses[i % statuses.length]!,
      status_phase: null,
      status_reason: null,
      likes,
      dislikes,
      wilson: likes / (likes + dislikes + 1),
      reply_count: parentId === null ? i % 4 : 0,
      appealed_at: null,
      appeal_text: null,
      created_at: now + i,
      updated_at: now + i,
    };
  };
  const insert = async (rows: ReturnType<typeof row>[]) => {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('comments')
        .values(rows.slice(i, i + 500))
        .execute();
  };
  const article = articles[0]!.id;
  await insert(Array.from({ length: THREAD }, (_, i) => row(i, article, null)));
  await insert(Array.from({ length: ELSEWHERE }, (_, i) => row(i, articles[1 + (i % (ARTICLES - 1))]!.id, null)));
  const tops = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', article)
    .orderBy('id')
    .limit(200)
    .execute();
  await insert(Array.from({ length: 2000 }, (_, i) => row(i, article, tops[i % tops.length]!.id)));
  await sql`analyze`.execute(db);
  return { article, reader: readers[3]!.id, parent: tops[0]!.id };
}

describe.each(await testDialects())('comment thread queries read through indexes (%s)', (dialect) => {
  let handle: DbHandle;
  let site: { article: number; reader: number; parent: number };
  const queries = new Map<string, readonly unknown[]>();
  let recording = false;

  beforeAll(async () => {
    handle = await openRecorded(dialect, (text, params) => {
      if (recording && !queries.has(text)) queries.set(text, params);
    });
    await migrateToLatest(handle);
    site = await seed(handle);
    recording = true;
    for (const sort of SORTS)
      for (const viewer of [null, { id: site.reader }])
        for (const page of [1, 3]) await readThread(handle.db, site.article, { sort, page, viewer });
    await threadCounts(handle.db, site.article);
    await readComment(handle.db, site.parent, null);
    await readComment(handle.db, site.parent, { id: site.reader });
    recording = false;
  }, 120_000);

  afterAll(() => handle?.close());

  /** Each recorded query with its plan as text lines. */
  async function plans(): Promise<Array<{ text: string; plan: string[] }>> {
    const out: Array<{ text: string; plan: string[] }> = [];
    if (dialect === 'sqlite') {
      for (const [text, params] of queries) {
        const { rows } = await handle.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${text}`, [...params]),
        );
        out.push({ text, plan: rows.map((r) => r.detail) });
      }
      return out;
    }
    const client = await handle.pool!.connect();
    try {
      // Price every alternative to an ordered index walk out of reach: what stays is what no index
      // serves. Random reads cost what they do on SSD (1.1, the usual setting; the default 4 dates
      // from spinning disks and makes a walk of the whole primary key look cheaper on a small site).
      await client.query(
        'set enable_seqscan = off; set enable_sort = off; set enable_bitmapscan = off; set random_page_cost = 1.1',
      );
      for (const [text, params] of queries) {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params as unknown[]);
        out.push({ text, plan: rows.map((r) => r['QUERY PLAN']) });
      }
    } finally {
      await client.query('reset all');
      client.release();
    }
    return out;
  }

  it('runs each sort, the replies, the counts and the permalink (the recording is complete)', () => {
    const texts = [...queries.keys()];
    expect(texts.filter((q) => /order by .*limit \S+ offset/i.test(q)).length).toBeGreaterThanOrEqual(SORTS.length);
    expect(
      texts.some((q) => q.includes('union all')),
      'the replies query',
    ).toBe(true);
    expect(
      texts.some((q) => /count\(\*\)/.test(q) && q.includes('group by')),
      'the counts query',
    ).toBe(true);
  });

  it('no query reads every comment, and every paged or limited query walks an index in its order', async () => {
    const problems: string[] = [];
    for (const { text, plan } of await plans()) {
      const bad = (dialect === 'sqlite' ? sqliteProblems : postgresProblems)(plan, /\blimit\b/i.test(text));
      for (const line of bad) problems.push(`${line.trim()}\n    in: ${text.slice(0, 300)}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('each sort uses the index made for it', async () => {
    const expected: Record<(typeof SORTS)[number], string> = {
      popular: 'comments_top_popular',
      newest: 'comments_thread',
      oldest: 'comments_thread',
      ratio: 'comments_top_ratio',
      replies: 'comments_top_replies',
    };
    const all = await plans();
    const orderOf: Record<(typeof SORTS)[number], RegExp> = {
      popular: /order by "c"\."wilson" desc/,
      newest: /order by "c"\."parent_id" desc, "c"\."id" desc limit/,
      oldest: /order by "c"\."parent_id" asc, "c"\."id" asc limit/,
      ratio: /order by case when c\.likes/,
      replies: /order by "c"\."reply_count" desc/,
    };
    for (const sort of SORTS) {
      const mine = all.filter((p) => orderOf[sort].test(p.text));
      expect(mine.length, sort).toBeGreaterThan(0);
      for (const p of mine) expect(p.plan.join('\n'), sort).toContain(expected[sort]);
    }
  });
});

/** A comment is found through its article, its parent or its id: any other access reads the whole table. */
const BOUNDED_BY = /^\(?"?(article_id|parent_id|id|rowid)\b/;

function sqliteProblems(plan: string[], limited: boolean): string[] {
  return plan.filter((line) => {
    if (/^SCAN (c|comments)\b/.test(line)) return true;
    const search = /^SEARCH (?:c|comments) USING (?:COVERING )?(?:INDEX \w+|INTEGER PRIMARY KEY) \((.*)\)/.exec(line);
    if (search && !BOUNDED_BY.test(search[1]!)) return true;
    return limited && /USE TEMP B-TREE FOR ORDER BY/.test(line);
  });
}

function postgresProblems(plan: string[], limited: boolean): string[] {
  return plan.filter((line, i) => {
    if (/Seq Scan on comments/.test(line)) return true;
    if (limited && /^\s*(->\s*)?(Incremental )?Sort\b/.test(line)) return true;
    if (/Index (Only )?Scan( Backward)? using \w+ on comments/.test(line)) {
      const cond = /Index Cond: (.*)/.exec(plan[i + 1] ?? '');
      return !cond || !BOUNDED_BY.test(cond[1]!.replace(/^\(+/, ''));
    }
    return false;
  });
}
