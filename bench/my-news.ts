// npm run bench:my [-- --articles 200000]: My news for a reader with 50 subscriptions (20 presses,
// 15 reporters, 10 categories, 5 keyword-free issues' worth of presses) over a generated SQLite
// archive, next to the plain latest list in the same run. p50/p99 of app.inject round trips
// (rendering included, page cache off). Also the personalised home ("for you", with a day of
// view buckets and a reading history) next to the same home ordered latest-first, same reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createSession } from '../src/auth/sessions.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, runs: { type: 'string', default: '200' } },
});
const N = Number(values.articles);
const RUNS = Number(values.runs);
const PRESSES = 60;
const REPORTERS = 600;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-my-'));
const handle = openDatabase({ sqlitePath: path.join(dir, 'my.db') });
await migrateToLatest(handle);
const db = handle.db;
const now = Date.now();
await db
  .insertInto('presses')
  .values(Array.from({ length: PRESSES }, (_, i) => ({ slug: `p${i}`, name: `언론사 ${i}`, created_at: now })))
  .execute();
const presses = (await db.selectFrom('presses').select('id').execute()).map((p) => p.id);
const categories = (await db.selectFrom('categories').select('id').execute()).map((c) => c.id);
await db
  .insertInto('reporters')
  .values(
    Array.from({ length: REPORTERS }, (_, i) => ({
      press_id: presses[i % PRESSES]!,
      identity: `name:r${i}|`,
      name: `기자 ${i}`,
      email: null,
      display_name: null,
      merged_into: null,
      created_at: now,
    })),
  )
  .execute();
const reporters = await db.selectFrom('reporters').select(['id', 'press_id']).execute();
console.log(`generating ${N} articles…`);
const BATCH = 500;
for (let start = 0; start < N; start += BATCH) {
  await db.transaction().execute(async (trx) => {
    const rows = Array.from({ length: Math.min(BATCH, N - start) }, (_, k) => {
      const i = start + k;
      const t = now - (N - i) * 30_000;
      return {
        press_id: presses[i % PRESSES]!,
        uri: `urn:b:${i}`,
        headline: `생성 기사 ${i}`,
        subheadline: null,
        series: null,
        body_html: '<p>본문</p>',
        body_text: '본문',
        summary: '요약',
        lang: 'ko',
        bylines: '[]',
        keywords: '[]',
        copyright: null,
        link: null,
        status: 'usable' as const,
        source: 'api' as const,
        revision: 1,
        first_created_at: t,
        updated_at: t,
        received_at: t,
        withdrawn_at: null,
      };
    });
    const ids = await trx
      .insertInto('articles')
      .values(rows)
      .returning(['id', 'press_id', 'first_created_at'])
      .execute();
    await trx
      .insertInto('article_categories')
      .values(ids.map((a, k) => ({ article_id: a.id, category_id: categories[(start + k) % categories.length]! })))
      .execute();
    const byPress = ids.map((a, k) => ({ a, r: reporters[(start + k) % REPORTERS]! }));
    await trx
      .insertInto('article_reporters')
      .values(
        byPress.map(({ a, r }) => ({
          article_id: a.id,
          position: 0,
          reporter_id: r.id,
          published_at: Number(a.first_created_at),
        })),
      )
      .execute();
  });
}
const reader = await db
  .insertInto('readers')
  .values({
    email: 'bench@example.kr',
    email_verified_at: now,
    password_hash: null,
    nickname: '벤치',
    nickname_key: '벤치',
    locale: 'ko',
    time_zone: 'Asia/Seoul',
    terms_accepted_at: now,
    created_at: now,
  } as never)
  .returning('id')
  .executeTakeFirstOrThrow();
const subs = [
  ...presses.slice(0, 25).map((id) => ({ kind: 'press' as const, id })),
  ...reporters.slice(100, 115).map((r) => ({ kind: 'reporter' as const, id: r.id })),
  ...categories.slice(0, 8).map((id) => ({ kind: 'category' as const, id })),
];
while (subs.length < 50) subs.push({ kind: 'reporter', id: reporters[200 + subs.length]!.id });
await db
  .insertInto('subscriptions')
  .values(
    subs.map((s) => ({
      reader_id: reader.id,
      kind: s.kind,
      target_id: s.id,
      query: null,
      target_key: String(s.id),
      delivery: 'digest',
      created_at: now,
    })),
  )
  .execute();

// A day of views over the newest 5 000 articles (hourly buckets, as the counter writes them) and a
// reading history of 100 articles, so "for you" has popularity and issues-read terms to compute.
const recent = await db
  .selectFrom('articles')
  .select(['id', 'press_id'])
  .orderBy('first_created_at', 'desc')
  .limit(5000)
  .execute();
const hourNow = Math.floor(now / 3_600_000);
for (let start = 0; start < recent.length; start += BATCH) {
  await db
    .insertInto('ranking_view_hours')
    .values(
      recent.slice(start, start + BATCH).map((a, k) => ({
        hour: hourNow - ((start + k) % 24),
        article_id: a.id,
        press_id: a.press_id,
        views: 1 + ((start + k) % 37),
      })),
    )
    .execute();
}
await db
  .insertInto('ranking_reads')
  .values(recent.slice(0, 100).map((a, k) => ({ reader_id: reader.id, article_id: a.id, read_at: now - k * 60_000 })))
  .execute();

const config = loadConfig({}, { publicUrl: 'http://sosik.test', logLevel: 'silent', pageCacheSeconds: 0, demo: false });
const deps = {
  db,
  dialect: handle.dialect,
  config,
  log: pino({ level: 'silent' }),
  registry: REGISTRY,
  nudgeJobs: () => {},
};
const app = await buildApp(deps);
await app.ready();
const session = await createSession(deps, { kind: 'reader', id: reader.id }, { persistent: false, userAgent: 'bench' });
const cookie = `sosik_session=${session.token}`;

async function measure(url: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 20; i++) await app.inject({ url, headers });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await app.inject({ url, headers });
    times.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)]!, p99: times[Math.floor(RUNS * 0.99)]! };
}
const my = await measure('/my', { cookie });
const latest = await measure('/latest', {});
const homeMain = await measure('/', { cookie });
const homeLatest = await measure('/?order=latest', { cookie });
const homeForYou = await measure('/?order=for-you', { cookie });
console.log(`articles ${N}, subscriptions ${subs.length}, runs ${RUNS}`);
console.log(`/my (My news)            p50 ${my.p50.toFixed(1)} ms  p99 ${my.p99.toFixed(1)} ms`);
console.log(`/latest (anonymous)      p50 ${latest.p50.toFixed(1)} ms  p99 ${latest.p99.toFixed(1)} ms`);
console.log(`/ (reader, main news)     p50 ${homeMain.p50.toFixed(1)} ms  p99 ${homeMain.p99.toFixed(1)} ms`);
console.log(`/?order=latest (reader)  p50 ${homeLatest.p50.toFixed(1)} ms  p99 ${homeLatest.p99.toFixed(1)} ms`);
console.log(`/?order=for-you (reader) p50 ${homeForYou.p50.toFixed(1)} ms  p99 ${homeForYou.p99.toFixed(1)} ms`);
console.log(
  `for you / latest home: p50 ×${(homeForYou.p50 / homeLatest.p50).toFixed(2)}, p99 ×${(homeForYou.p99 / homeLatest.p99).toFixed(2)}`,
);
await app.close();
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
