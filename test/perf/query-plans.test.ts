// Reader pages must cost the same with a big archive as with a small one: every query behind them
// reads through an index. This test renders each reader page over a generated archive, asks SQLite
// for the plan of every query the page ran, and fails on a full scan of a table that grows with
// the archive. (Speed itself is measured in bench/pages.ts, never here.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REGISTRY } from '../../src/app.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type DbHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import type { FastifyInstance } from 'fastify';

/** Tables whose size follows the archive (presses, categories and the like stay small). */
const GROWING = new Set([
  'articles',
  'article_categories',
  'article_photos',
  'article_revisions',
  'issue_articles',
  'issues',
  'search_docs',
  'jobs',
  'issue_terms',
  'issue_decisions',
  'article_summaries',
  'article_reporters',
  'comments',
  'ranking_view_hours',
  'ranking_view_seen',
  'ranking_reads',
]);
const GENERATED = 3000;

describe('reader pages read through indexes (SQLite query plans)', () => {
  let dir: string;
  let handle: DbHandle;
  let app: FastifyInstance;
  const queries = new Map<string, readonly unknown[]>();
  let recording = false;
  /** Queries first seen on the signed-in reader's pages, also planned without statistics. */
  const readerQueries = new Set<string>();
  let recordingReader = false;
  /** A reader following every press, category and issue of the demo (My news). */
  let readerCookie = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-plans-'));
    const file = path.join(dir, 'plans.db');
    handle = openDatabase({
      sqlitePath: file,
      onQuery: (text, params) => {
        if (recording && !queries.has(text)) {
          queries.set(text, params);
          if (recordingReader) readerQueries.add(text);
        }
      },
    });
    await migrateToLatest(handle);
    const config = loadConfig(
      {},
      { publicUrl: 'http://sosik.test', logLevel: 'silent', pageCacheSeconds: 0, demo: false },
    );
    const deps = {
      db: handle.db,
      dialect: handle.dialect,
      config,
      log: pino({ level: 'silent' }),
      registry: REGISTRY,
      nudgeJobs: () => {},
    };
    await seedDemo(deps);
    await new JobWorker(deps).drain();
    // A longer archive behind the demo: old articles of every press and category, no jobs.
    const presses = await handle.db.selectFrom('presses').select('id').execute();
    const categories = await handle.db.selectFrom('categories').select('id').execute();
    const reporters = await handle.db.selectFrom('reporters').select(['id', 'press_id']).execute();
    const old = Date.now() - 400 * 86_400_000;
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < GENERATED; i++) {
        const row = await trx
          .insertInto('articles')
          .values({
            press_id: presses[i % presses.length]!.id,
            uri: `urn:archive:${i}`,
            headline: `보관 기사 ${i}`,
            subheadline: null,
            series: null,
            body_html: '<p>보관</p>',
            body_text: '보관',
            summary: '보관',
            lang: 'ko',
            bylines: '[]',
            keywords: '[]',
            copyright: null,
            link: null,
            status: i % 40 === 0 ? 'withdrawn' : 'usable',
            source: 'api',
            revision: 1,
            first_created_at: old + i * 60_000,
            updated_at: old + i * 60_000,
            received_at: old + i * 60_000,
            withdrawn_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('article_categories')
          .values({ article_id: row.id, category_id: categories[i % categories.length]!.id })
          .execute();
        // Bylines filed as reporters, so the reporter tables have the archive's size too.
        const reporter = reporters[i % reporters.length];
        if (reporter)
          await trx
            .insertInto('article_reporters')
            .values({ article_id: row.id, position: 0, reporter_id: reporter.id, published_at: old + i * 60_000 })
            .execute();
        if (i % 3 === 0) {
          await trx
            .insertInto('article_photos')
            .values({
              article_id: row.id,
              position: 0,
              url: `https://img.example/${i}.jpg`,
              width: null,
              height: null,
              caption: null,
              credit: null,
              alt: null,
            })
            .execute();
        }
      }
    });
    const now = Date.now();
    const reader = await handle.db
      .insertInto('readers')
      .values({
        email: 'plans@example.kr',
        email_verified_at: now,
        password_hash: null,
        nickname: '계획',
        nickname_key: '계획',
        locale: 'ko',
        time_zone: 'Asia/Seoul',
        terms_accepted_at: now,
        created_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const follows = [
      ...presses.map((p) => ({ kind: 'press' as const, id: p.id })),
      ...categories.map((c) => ({ kind: 'category' as const, id: c.id })),
      ...(await handle.db.selectFrom('issues').select('id').limit(5).execute()).map((i) => ({
        kind: 'issue' as const,
        id: i.id,
      })),
      ...(await handle.db.selectFrom('reporters').select('id').execute()).map((r) => ({
        kind: 'reporter' as const,
        id: r.id,
      })),
    ];
    await handle.db
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
    const session = await createSession(deps, { kind: 'reader', id: reader.id }, { userAgent: 'plans' });
    readerCookie = `sosik_session=${session.token}`;
    // Old stories behind the archive (hidden, long over), so issue tables have their real size too.
    const oldIssues: number[] = [];
    for (let k = 0; k < 300; k++) {
      const row = await handle.db
        .insertInto('issues')
        .values({
          slug: `${900000 + k}-archive`,
          auto_name: `보관 이슈 ${k}`,
          editor_name: null,
          lead_article_id: null,
          pinned_article_id: null,
          hidden: 0,
          curated: 0,
          merged_into: null,
          category_id: null,
          article_count: 10,
          press_count: 3,
          visible: 0,
          first_at: old,
          last_at: old,
          created_at: old,
          updated_at: old,
          centroid: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      oldIssues.push(row.id);
    }
    const archiveRows = await handle.db
      .selectFrom('articles')
      .select(['id', 'press_id', 'first_created_at'])
      .where('uri', 'like', 'urn:archive:%')
      .execute();
    await handle.db.transaction().execute(async (trx) => {
      for (const [n, a] of archiveRows.entries()) {
        await trx
          .insertInto('issue_articles')
          .values({
            article_id: a.id,
            issue_id: oldIssues[n % oldIssues.length]!,
            press_id: a.press_id,
            published_at: a.first_created_at,
            revision: 1,
            similarity: 0.5,
            locked: 0,
            vector: '{}',
            assigned_at: a.first_created_at,
          })
          .execute();
      }
    });
    // A month of hourly view buckets over the archive, so rankings are planned against real sizes.
    const hourNow = Math.floor(Date.now() / 3_600_000);
    const archived = await handle.db.selectFrom('articles').select(['id', 'press_id']).limit(720).execute();
    await handle.db.transaction().execute(async (trx) => {
      for (const [n, a] of archived.entries()) {
        await trx
          .insertInto('ranking_view_hours')
          .values(
            [0, 1, 2].map((k) => ({ hour: hourNow - n - k * 3, article_id: a.id, press_id: a.press_id, views: 1 + k })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
    await sql`analyze`.execute(handle.db);
    app = await buildApp(deps);
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders every reader page without a full scan of a growing table', async () => {
    const article = await handle.db
      .selectFrom('articles')
      .select('id')
      .where('uri', 'not like', 'urn:archive:%')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const issue = await handle.db.selectFrom('issues').select('slug').where('visible', '=', 1).executeTakeFirst();
    const pages = [
      '/',
      '/categories/economy',
      '/press/haeon-ilbo',
      `/articles/${article.id}`,
      `/articles/${article.id}/revisions`,
      '/issues',
      ...(issue ? [`/issues/${issue.slug}`, `/issues/${issue.slug}/feed.xml`] : []),
      '/feed.xml',
      '/press/haeon-ilbo/atom.xml',
      '/categories/economy/feed.json',
      '/sitemap.xml',
      '/sitemaps/articles-1.xml',
      '/sitemap-news.xml',
      '/search?q=%EC%A1%B0%EB%A0%A5',
      '/latest',
      '/latest?category=economy',
      '/press',
      '/ranking',
      '/ranking?by=commented',
      '/ranking?by=rising',
      '/ranking?press=haeon-ilbo',
      '/ranking?category=economy&by=commented',
      '/ranking?category=economy',
      '/?order=latest',
      '/?order=for-you',
    ];
    // The signed-in reader (subscriptions above) gets a reading history, for the personalised pages.
    const now = Date.now();
    const reader = await handle.db
      .selectFrom('readers')
      .select('id')
      .where('email', '=', 'plans@example.kr')
      .executeTakeFirstOrThrow();
    const someRead = await handle.db.selectFrom('issue_articles').select('article_id').limit(5).execute();
    if (someRead.length)
      await handle.db
        .insertInto('ranking_reads')
        .values(someRead.map((r, k) => ({ reader_id: reader.id, article_id: r.article_id, read_at: now - k * 60_000 })))
        .execute();
    const readerPages = ['/?order=for-you', '/account/ranking'];

    recording = true;
    // The site frame's own queries (categories, latest headlines, the 속보 banner) run on refresh.
    await app.site.frame.refresh();
    for (const url of pages) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeLessThan(400);
    }
    recordingReader = true;
    for (const url of ['/my', '/account/subscriptions']) {
      const res = await app.inject({ url, headers: { cookie: readerCookie, 'user-agent': 'plans' } });
      expect(res.statusCode, url).toBe(200);
    }
    recordingReader = false;
    for (const url of readerPages) {
      const res = await app.inject({ url, headers: { cookie: readerCookie } });
      expect(res.statusCode, url).toBe(200);
      if (url.includes('for-you')) expect(res.body, 'the personalised list rendered').toContain('for-you__item');
    }
    recording = false;
    expect(queries.size).toBeGreaterThan(10);
    expect(
      [...queries.keys()].filter((q) => q.includes('"breaking_at" >=')),
      'the banner query was planned',
    ).toHaveLength(1);

    // My news and the subscriptions page are planned twice: with the statistics ANALYZE gathered,
    // and without any, as a database that never ran ANALYZE plans them (`status = ?` beside
    // `id in (…)` then picked the status index: 370 ms for 20 cards at 1M articles).
    const unanalysed = path.join(dir, 'plans-no-stats.db');
    const source = new SQLite(path.join(dir, 'plans.db'));
    source.exec(`vacuum into '${unanalysed}'`);
    source.close();
    const copy = new SQLite(unanalysed);
    copy.exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4');
    copy.close();
    const scans: string[] = [];
    for (const file of [path.join(dir, 'plans.db'), unanalysed]) {
      const raw = new SQLite(file, { readonly: true });
      for (const [text, params] of queries) {
        if (file === unanalysed && !readerQueries.has(text)) continue;
        const plan = raw.prepare(`explain query plan ${text}`).all(...(params as unknown[])) as Array<{
          detail: string;
        }>;
        // A scan that walks an index (or the rowid) in the query's own order and stops at its LIMIT
        // reads only the rows it shows; any other scan of a growing table reads the archive, and so
        // does, unless it stops early, a search whose only key is the status (nearly every article
        // is usable), which only the plans without statistics are held to.
        const stopsEarly =
          /\blimit\s+\?\s*$/i.test(text) && !plan.some((p) => p.detail.startsWith('USE TEMP B-TREE FOR ORDER BY'));
        // Plans name a table by its alias (`"articles" as "a"`).
        const tables = new Map([...text.matchAll(/"(\w+)" as "(\w+)"/g)].map((m) => [m[2]!, m[1]!]));
        for (const { detail } of plan) {
          const m =
            /^SCAN (\w+)/.exec(detail) ??
            (file === unanalysed ? /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(status=\?\)$/.exec(detail) : null);
          if (m && GROWING.has(tables.get(m[1]!) ?? m[1]!) && !stopsEarly)
            scans.push(`${path.basename(file)}: ${detail}\n    in: ${text.slice(0, 240)}`);
        }
      }
      raw.close();
    }
    expect(scans, scans.join('\n')).toEqual([]);
  });
});
