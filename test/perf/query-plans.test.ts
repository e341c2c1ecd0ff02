// Reader pages must cost the same with a big archive as with a small one: every query behind them
// reads through an index and only the rows it shows. This test renders each reader page over a
// generated archive, asks the database for the plan of every query the page ran, and fails when a
// plan reads a table that grows with the archive in full: on SQLite (EXPLAIN QUERY PLAN) a scan,
// or a sort or wide index range that does not stop at its LIMIT; on PostgreSQL (EXPLAIN) a
// sequential scan, or a sort, hash or aggregate fed with more rows than any page shows. Speed
// itself is measured in bench/pages-archive.ts (`npm run bench:pages -- --stored …`), never here.
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REGISTRY } from '../../src/app.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import { generateArchive } from '../helpers/archive.ts';
import { createTestDb, testDialects, type TestDb } from '../helpers/databases.ts';
import { verifiedReaderRow } from '../helpers/readers.ts';

/** Tables whose size follows the archive (presses, categories and the like stay small). */
const GROWING = new Set([
  'articles',
  'article_categories',
  'article_photos',
  'article_revisions',
  'article_reporters',
  'article_summaries',
  'issue_articles',
  'issues',
  'search_docs',
  'jobs',
  'issue_terms',
  'issue_decisions',
  'comments',
  'ranking_view_hours',
  'ranking_view_seen',
  'ranking_reads',
]);
/** Generated articles behind the demo: each of its 8 presses holds ~2,500 of them, a category ~2,700. */
const GENERATED = 20_000;
/** More rows than any page reads (the front page ranks the newest 1,000), fewer than a press holds. */
const MOST_ROWS_A_PAGE_READS = 1_500;
/** Columns with few distinct values: an index range on them alone reads a share of the archive. */
const COARSE_COLUMNS = new Set(['status', 'press_id', 'category_id', 'visible', 'merged_into', 'kind', 'hidden']);

/** SQLite: the plan lines (EXPLAIN QUERY PLAN) that read a growing table beyond the rows shown. */
function sqliteFindings(text: string, plan: Array<{ detail: string }>): string[] {
  const sorts = plan.some((p) => /^USE TEMP B-TREE FOR/.test(p.detail));
  // A walk of an index (or the rowid) in the query's own order that ends at its LIMIT reads only
  // the rows it shows.
  // So does a lone min() or max() of an index's last column (SQLite reads one end of the range).
  const stopsEarly =
    (/\blimit\s+\?\s*$/i.test(text) ||
      /^select (min|max)\("\w+"\) as "\w+" from "\w+" where "\w+" = \?$/i.test(text)) &&
    !sorts;
  // Plans name a table by its alias in the query ("articles" as "a").
  const tableOf = new Map([...text.matchAll(/"(\w+)" as "(\w+)"/g)].map((m) => [m[2]!, m[1]!]));
  const growing = (name: string) => GROWING.has(tableOf.get(name) ?? name);
  const found: string[] = [];
  for (const [i, { detail }] of plan.entries()) {
    const scan = /^SCAN (\w+)/.exec(detail);
    if (scan && growing(scan[1]!) && !stopsEarly) found.push(detail);
    // A range on coarse columns only (status = ?, press_id = ? …) is a share of the archive, unless
    // it walks in order to a LIMIT, or is a list subquery (which the query bounds with its own LIMIT).
    const search = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(([^)]*)\)/.exec(detail);
    if (search && growing(search[1]!)) {
      const columns = search[2]!.split(' AND ').map((c) => c.replace(/[=<>?]+$/, ''));
      const coarse = columns.every((c) => COARSE_COLUMNS.has(c));
      const listSubquery = /^LIST SUBQUERY/.test(plan[i - 1]?.detail ?? '') && /\blimit\b/i.test(text);
      if (coarse && !stopsEarly && !listSubquery) found.push(detail);
    }
  }
  return found;
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PgNode[];
}

/** Relations read anywhere below a node. */
function relationsBelow(node: PgNode): string[] {
  return [...(node['Relation Name'] ? [node['Relation Name']] : []), ...(node.Plans ?? []).flatMap(relationsBelow)];
}

/** PostgreSQL: plan nodes (EXPLAIN, JSON) that read a growing table beyond the rows shown. */
function postgresFindings(node: PgNode): string[] {
  const found: string[] = [];
  const type = node['Node Type'];
  if (type === 'Seq Scan' && GROWING.has(node['Relation Name'] ?? ''))
    found.push(`Seq Scan on ${node['Relation Name']}`);
  // These nodes consume their whole input before they answer: fed with a share of the archive,
  // they read it however small the LIMIT above them is. (Incremental Sort streams: not listed.)
  if (['Sort', 'Hash', 'Aggregate', 'SetOp'].includes(type)) {
    const input = (node.Plans ?? []).reduce((n, p) => n + p['Plan Rows'], 0);
    const growing = relationsBelow(node).filter((r) => GROWING.has(r));
    if (input > MOST_ROWS_A_PAGE_READS && growing.length > 0)
      found.push(`${type} of ~${input} rows from ${[...new Set(growing)].join(', ')}`);
  }
  for (const child of node.Plans ?? []) found.push(...postgresFindings(child));
  return found;
}

/** Bylines filed as reporters and hourly view buckets over the archive, so those tables are planned at size. */
async function archiveBylinesAndViews(db: TestDb): Promise<void> {
  const reporters = await db.db.selectFrom('reporters').select('id').execute();
  const archive = await db.db
    .selectFrom('articles')
    .select(['id', 'press_id', 'first_created_at'])
    .where('uri', 'like', 'urn:archive:%')
    .execute();
  const hourNow = Math.floor(Date.now() / 3_600_000);
  await db.db.transaction().execute(async (trx) => {
    for (let start = 0; start < archive.length; start += 500) {
      const chunk = archive.slice(start, start + 500);
      await trx
        .insertInto('article_reporters')
        .values(
          chunk.map((a, k) => ({
            article_id: a.id,
            position: 0,
            reporter_id: reporters[(start + k) % reporters.length]!.id,
            published_at: Number(a.first_created_at),
          })),
        )
        .execute();
      await trx
        .insertInto('ranking_view_hours')
        .values(
          chunk.map((a, k) => ({
            hour: hourNow - ((start + k) % 720),
            article_id: a.id,
            press_id: a.press_id,
            views: 1 + (k % 7),
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  if (db.dialect === 'postgres') await sql`analyze article_reporters, ranking_view_hours`.execute(db.db);
  else await sql`analyze`.execute(db.db);
}

/** A reader following every press, category and reporter and five issues, with a reading history. */
async function followingReader(deps: Parameters<typeof createSession>[0] & { db: TestDb['db'] }): Promise<string> {
  const now = Date.now();
  const reader = await deps.db
    .insertInto('readers')
    .values(verifiedReaderRow('plans@example.kr', '계획', now))
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = async (table: 'presses' | 'categories' | 'reporters') =>
    (await deps.db.selectFrom(table).select('id').execute()).map((r) => r.id);
  const issues = (await deps.db.selectFrom('issues').select('id').where('visible', '=', 1).limit(5).execute()).map(
    (r) => r.id,
  );
  const follows = [
    ...(await ids('presses')).map((id) => ({ kind: 'press' as const, id })),
    ...(await ids('categories')).map((id) => ({ kind: 'category' as const, id })),
    ...(await ids('reporters')).map((id) => ({ kind: 'reporter' as const, id })),
    ...issues.map((id) => ({ kind: 'issue' as const, id })),
  ];
  await deps.db
    .insertInto('subscriptions')
    .values(
      follows.map((f) => ({
        reader_id: reader.id,
        kind: f.kind,
        target_id: f.id,
        query: null,
        target_key: String(f.id),
        created_at: now,
      })),
    )
    .execute();
  const read = await deps.db.selectFrom('issue_articles').select('article_id').limit(5).execute();
  if (read.length)
    await deps.db
      .insertInto('ranking_reads')
      .values(read.map((r, k) => ({ reader_id: reader.id, article_id: r.article_id, read_at: now - k * 60_000 })))
      .execute();
  const session = await createSession(deps, { kind: 'reader', id: reader.id }, { userAgent: 'plans' });
  return `sosik_session=${session.token}`;
}

describe.each(await testDialects())('reader pages read through indexes (%s query plans)', (dialect) => {
  let dir: string;
  let db: TestDb;
  let app: FastifyInstance;
  const queries = new Map<string, readonly unknown[]>();
  let recording = false;
  /** The session cookie of a reader with 50-odd subscriptions and a reading history. */
  let readerCookie: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-plans-'));
    db = await createTestDb(dialect, {
      sqlitePath: path.join(dir, 'plans.db'),
      onQuery: (text, params) => {
        if (recording && !queries.has(text)) queries.set(text, params);
      },
    });
    const config = loadConfig(
      {},
      { publicUrl: 'http://sosik.test', logLevel: 'silent', pageCacheSeconds: 0, demo: false },
    );
    const deps = {
      db: db.db,
      dialect: db.dialect,
      config,
      log: pino({ level: 'silent' }),
      registry: REGISTRY,
      nudgeJobs: () => {},
    };
    await seedDemo(deps);
    await new JobWorker(deps).drain();
    // A long archive behind the demo (every press, category and an issue for half of it; no jobs),
    // with fresh statistics, as a server that has run for a while would have.
    await generateArchive(db.db, db.dialect, GENERATED);
    await archiveBylinesAndViews(db);
    readerCookie = await followingReader(deps);
    app = await buildApp(deps);
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** What the plan of one query reads beyond the rows it shows (empty when nothing). */
  async function findingsOf(text: string, params: readonly unknown[]): Promise<string[]> {
    if (dialect === 'sqlite') {
      const raw = new SQLite(path.join(dir, 'plans.db'), { readonly: true });
      try {
        const plan = raw.prepare(`explain query plan ${text}`).all(...(params as unknown[])) as Array<{
          detail: string;
        }>;
        return sqliteFindings(text, plan);
      } finally {
        raw.close();
      }
    }
    // Plans for the table as it will be, not as it is: with sequential scans and sorts priced out,
    // one that remains has no index to use. (At 1M stored the planner chooses these plans on its
    // own; bench:pages --stored --db pg shows it.)
    const client = await db.pool!.connect();
    try {
      await client.query('set enable_seqscan = off');
      await client.query('set enable_sort = off');
      const { rows } = await client.query(`explain (format json) ${text}`, params as unknown[]);
      return postgresFindings((rows[0] as { 'QUERY PLAN': Array<{ Plan: PgNode }> })['QUERY PLAN'][0]!.Plan);
    } finally {
      await client.query('reset all');
      client.release();
    }
  }

  it('tells a query that reads the archive from one that reads what it shows', async () => {
    const p = dialect === 'sqlite' ? '?' : '$1';
    const bounded = `select "a"."id" from "articles" as "a" where "a"."status" = ${p} order by "a"."first_created_at" desc limit ${dialect === 'sqlite' ? '?' : '$2'}`;
    const sortsTheArchive = `select "a"."id" from "articles" as "a" where "a"."status" = ${p} order by "a"."headline" limit ${dialect === 'sqlite' ? '?' : '$2'}`;
    const countsTheArchive = `select count(*) as "n" from "articles" as "a" where "a"."status" = ${p}`;
    expect(await findingsOf(bounded, ['usable', 20])).toEqual([]);
    expect(await findingsOf(sortsTheArchive, ['usable', 20])).not.toEqual([]);
    expect(await findingsOf(countsTheArchive, ['usable'])).not.toEqual([]);
  });

  it('renders every reader page without reading a growing table in full', async () => {
    const demo = await db.db
      .selectFrom('articles')
      .select('id')
      .where('uri', 'not like', 'urn:archive:%')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const middle = await db.db
      .selectFrom('articles')
      .select(['id', 'first_created_at'])
      .where('uri', '=', `urn:archive:${GENERATED / 2}`)
      .executeTakeFirstOrThrow();
    const issue = await db.db
      .selectFrom('issues')
      .select('slug')
      .where('visible', '=', 1)
      .where('slug', 'not like', '%-archive-issue')
      .executeTakeFirst();
    const archiveIssue = await db.db
      .selectFrom('issue_articles as ia')
      .innerJoin('issues as i', 'i.id', 'ia.issue_id')
      .select('i.slug')
      .where('ia.article_id', '=', middle.id)
      .executeTakeFirstOrThrow();
    const deep = `before=${middle.first_created_at}-${middle.id}`;
    const pages = [
      '/',
      '/categories/economy',
      `/categories/economy?${deep}`,
      '/press/haeon-ilbo',
      `/press/haeon-ilbo?${deep}`,
      `/articles/${demo.id}`,
      `/articles/${middle.id}`,
      `/articles/${demo.id}/revisions`,
      '/issues',
      ...(issue ? [`/issues/${issue.slug}`, `/issues/${issue.slug}/feed.xml`] : []),
      `/issues/${archiveIssue.slug}`,
      '/feed.xml',
      '/press/haeon-ilbo/atom.xml',
      '/categories/economy/feed.json',
      '/sitemap.xml',
      '/sitemaps/articles-1.xml',
      '/sitemap-news.xml',
      '/search?q=%EC%A1%B0%EB%A0%A5',
      '/latest',
      `/latest?${deep}`,
      '/latest?category=economy',
      '/press',
      '/ranking',
      '/ranking?by=commented',
      '/ranking?by=rising',
      '/ranking?press=haeon-ilbo',
      '/ranking?category=economy&by=commented',
      '/?order=latest',
    ];
    // The signed-in reader's own pages: My news, subscriptions, the personalised home, history.
    const readerPages = ['/my', '/account/subscriptions', '/?order=for-you', '/account/ranking'];
    recording = true;
    // The site frame's own queries (categories, latest headlines, the 속보 banner) run on refresh.
    await app.site.frame.refresh();
    for (const url of pages) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeLessThan(400);
    }
    for (const url of readerPages) {
      const res = await app.inject({ url, headers: { cookie: readerCookie, 'user-agent': 'plans' } });
      expect(res.statusCode, url).toBe(200);
      if (url.includes('for-you')) expect(res.body, 'the personalised list rendered').toContain('for-you__item');
    }
    recording = false;
    expect(queries.size).toBeGreaterThan(10);
    expect(
      [...queries.keys()].filter((q) => q.includes('"breaking_at" >=')),
      'the banner query was planned',
    ).toHaveLength(1);

    const findings: string[] = [];
    for (const [text, params] of queries)
      for (const f of await findingsOf(text, params))
        findings.push(`${f}\n    in: ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
    expect(findings, findings.join('\n')).toEqual([]);
  });
});
