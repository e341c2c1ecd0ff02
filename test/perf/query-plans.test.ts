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
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type DbHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createSession } from '../../src/auth/sessions.ts';
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

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-plans-'));
    const file = path.join(dir, 'plans.db');
    handle = openDatabase({
      sqlitePath: file,
      onQuery: (text, params) => {
        if (recording && !queries.has(text)) queries.set(text, params);
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
    // A signed-in reader with subscriptions and a reading history, for the personalised pages.
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
    const somePresses = await handle.db.selectFrom('presses').select('id').limit(3).execute();
    await handle.db
      .insertInto('subscriptions')
      .values(
        somePresses.map((p) => ({
          reader_id: reader.id,
          kind: 'press' as const,
          target_id: p.id,
          query: null,
          target_key: String(p.id),
          created_at: now,
        })),
      )
      .execute();
    const someRead = await handle.db.selectFrom('issue_articles').select('article_id').limit(5).execute();
    if (someRead.length)
      await handle.db
        .insertInto('ranking_reads')
        .values(someRead.map((r, k) => ({ reader_id: reader.id, article_id: r.article_id, read_at: now - k * 60_000 })))
        .execute();
    const session = await createSession(
      { db: handle.db, config: loadConfig({}, { publicUrl: 'http://sosik.test', logLevel: 'silent' }) },
      { kind: 'reader', id: reader.id },
      { persistent: false, userAgent: 'plans' },
    );
    const readerPages = ['/?order=for-you', '/account/ranking'];

    recording = true;
    // The site frame's own queries (categories, latest headlines, the 속보 banner) run on refresh.
    await app.site.frame.refresh();
    for (const url of pages) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeLessThan(400);
    }
    for (const url of readerPages) {
      const res = await app.inject({ url, headers: { cookie: `sosik_session=${session.token}` } });
      expect(res.statusCode, url).toBe(200);
      if (url.includes('for-you')) expect(res.body, 'the personalised list rendered').toContain('for-you__item');
    }
    recording = false;
    expect(queries.size).toBeGreaterThan(10);
    expect(
      [...queries.keys()].filter((q) => q.includes('"breaking_at" >=')),
      'the banner query was planned',
    ).toHaveLength(1);

    const raw = new SQLite(path.join(dir, 'plans.db'), { readonly: true });
    const scans: string[] = [];
    for (const [text, params] of queries) {
      const plan = raw.prepare(`explain query plan ${text}`).all(...(params as unknown[])) as Array<{ detail: string }>;
      // A scan that walks an index (or the rowid) in the query's own order and stops at its LIMIT
      // reads only the rows it shows; any other scan of a growing table reads the archive.
      const stopsEarly =
        /\blimit\s+\?\s*$/i.test(text) && !plan.some((p) => p.detail.startsWith('USE TEMP B-TREE FOR ORDER BY'));
      for (const { detail } of plan) {
        const m = /^SCAN (\w+)/.exec(detail);
        if (m && GROWING.has(m[1]!) && !stopsEarly) scans.push(`${detail}\n    in: ${text.slice(0, 240)}`);
      }
    }
    raw.close();
    expect(scans, scans.join('\n')).toEqual([]);
  });
});
