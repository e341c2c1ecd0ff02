// A batch must store exactly what the same items delivered one by one would store (updates,
// re-deliveries, late versions, withdrawals, link matches), refuse bad items alone, and lose no
// item when the database refuses one row of a chunk.
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { REGISTRY } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { ingestArticle, type IngestRequest } from './ingest.ts';
import { INGEST_CHUNK, ingestArticles } from './ingest-batch.ts';
import type { ArticleInput } from './model.ts';

const T0 = Date.parse('2026-11-30T09:00:00Z');
const NOW = T0 + 86_400_000;

function item(n: number, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    uri: `urn:batch:${n}`,
    headline: `은빛대교 소식 ${n}`,
    bodyHtml: `<p>본문 ${n} <script>x()</script><b>굵게</b></p>`,
    lang: 'ko',
    bylines: [{ name: '김하늘' }],
    subjects: [{ code: n % 2 ? 'society' : 'economy' }],
    keywords: [`열쇠${n}`],
    photos: [{ url: `https://img.example/${n}.jpg`, caption: `사진 ${n}` }],
    link: `https://hanbit.example/news/${n}`,
    firstCreated: T0,
    versionCreated: T0 + n,
    pubstatus: 'usable',
    ...overrides,
  };
}

/** Deliveries that exercise every branch: new, update in the same batch, unchanged, stale, withdrawn, link match, refused. */
function deliveries(): ArticleInput[] {
  return [
    item(1),
    item(2),
    item(3),
    item(1, { headline: '은빛대교 소식 1 (고침)', versionCreated: T0 + 100 }), // update in the same batch
    item(2), // the same content again: unchanged
    item(3, { headline: '늦게 온 옛 판', versionCreated: T0 - 1 }), // older than what is stored: ignored
    item(4, { pubstatus: 'canceled' }), // withdrawn from the start
    item(5, { uri: 'urn:batch:other-uri-for-2', link: 'https://hanbit.example/news/2', versionCreated: T0 + 200 }), // same link as 2
    item(6, { headline: ' ' }), // refused: no headline
    item(7, { headline: 'ㄱ'.repeat(2001) }), // refused: headline too long
    item(8, { bodyHtml: '<div>'.repeat(300) }), // refused: HTML nested too deep
    item(1, { pubstatus: 'withheld', versionCreated: T0 + 300 }), // then withdrawn
  ];
}

describe.each(await testDialects())('ingestArticles on %s', (dialect) => {
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
  const req = (input: ArticleInput): IngestRequest => ({ pressId: 1, source: 'api', input, original: input, now: NOW });

  beforeEach(async () => {
    [one, many] = await Promise.all([createTestDb(dialect), createTestDb(dialect)]);
    for (const t of [one, many])
      await t.db.insertInto('presses').values({ slug: 'hanbit', name: '한빛일보', created_at: T0 }).execute();
  });
  afterEach(async () => {
    await one.dispose();
    await many.dispose();
  });

  /** Everything an ingest writes, without generated ids of revisions and jobs. */
  async function stored(t: TestDb) {
    const articles = await t.db.selectFrom('articles').selectAll().orderBy('id').execute();
    const revisions = await t.db
      .selectFrom('article_revisions')
      .select(['article_id', 'revision', 'pubstatus', 'normalized', 'original'])
      .orderBy('article_id')
      .orderBy('revision')
      .execute();
    const categories = await t.db
      .selectFrom('article_categories')
      .selectAll()
      .orderBy('article_id')
      .orderBy('category_id')
      .execute();
    const photos = await t.db
      .selectFrom('article_photos')
      .select(['article_id', 'position', 'url', 'caption'])
      .orderBy('article_id')
      .orderBy('position')
      .execute();
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['kind', 'payload', 'status'])
      .orderBy('kind')
      .orderBy('payload')
      .execute();
    return { articles, revisions, categories, photos, jobs };
  }

  it('stores what the same items one by one store, with one outcome per item in order', async () => {
    const inputs = deliveries();
    const single = [];
    for (const input of inputs) {
      try {
        single.push({ ok: true, result: await ingestArticle(deps(one), req(input)) });
      } catch (err) {
        single.push({ ok: false, code: (err as { code: string }).code });
      }
    }
    const outcomes = await ingestArticles(deps(many), inputs.map(req));
    expect(outcomes.map((o) => (o.ok ? { ok: true, result: o.result } : { ok: false, code: o.error.code }))).toEqual(
      single,
    );
    expect(outcomes.map((o) => (o.ok ? (o.result.changed ? 'stored' : 'unchanged') : o.error.code))).toEqual([
      'stored',
      'stored',
      'stored',
      'stored',
      'unchanged',
      'unchanged',
      'stored',
      'stored',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'HTML_TOO_DEEP',
      'stored',
    ]);
    const refused = outcomes[9]!;
    expect(!refused.ok && refused.error.details?.[0]?.path).toBe('headline');
    expect(await stored(many)).toEqual(await stored(one));
    const a1 = await many.db
      .selectFrom('articles')
      .selectAll()
      .where('uri', '=', 'urn:batch:1')
      .executeTakeFirstOrThrow();
    expect([a1.status, a1.revision, a1.headline]).toEqual(['withdrawn', 3, '은빛대교 소식 1']); // the withdrawal carried the first headline
  });

  it('spans several transactions for a batch larger than one chunk, and a re-delivery changes nothing', async () => {
    const inputs = Array.from({ length: INGEST_CHUNK * 2 + 7 }, (_, i) => item(100 + i));
    const first = await ingestArticles(deps(many), inputs.map(req));
    expect(first.filter((o) => o.ok && o.result.created)).toHaveLength(inputs.length);
    expect(new Set(first.map((o) => o.ok && o.result.id)).size).toBe(inputs.length);
    const before = await stored(many);
    expect(before.jobs).toHaveLength(inputs.length * REGISTRY.articleChangedJobs.length);
    const again = await ingestArticles(deps(many), inputs.map(req));
    expect(again.every((o) => o.ok && !o.result.changed && !o.result.created)).toBe(true);
    expect(await stored(many)).toEqual(before);
  });

  it('a batch of several chunks stores what one by one stores, refusals and press counts included', async () => {
    // ~1,000 characters a body, refusals and withdrawals spread over both chunks: each press's
    // count moves once per chunk, by the sum of its items' moves.
    const long = (n: number) =>
      `<p>${'긴 본문 '.repeat(120)}${n}<script>x()</script><a href="javascript:y()">링크</a></p>`;
    const inputs = Array.from({ length: INGEST_CHUNK + 60 }, (_, i) => {
      if (i === 7 || i === INGEST_CHUNK + 3) return item(i, { bodyHtml: '<div>'.repeat(300) });
      if (i === 100) return item(i, { headline: ' ' });
      // Revisions one and two chunks after the first delivery: each must find the committed first one.
      if (i === INGEST_CHUNK + 20)
        return item(5, { bodyHtml: long(5), headline: '고친 제목', versionCreated: T0 + 999 });
      if (i === INGEST_CHUNK + 40)
        return item(30, { bodyHtml: long(30), pubstatus: 'canceled', versionCreated: T0 + 999 });
      if (i % 50 === 9) return item(i, { bodyHtml: long(i), pubstatus: 'canceled' });
      return item(i, { bodyHtml: long(i) });
    });
    const single = [];
    for (const input of inputs) {
      try {
        single.push((await ingestArticle(deps(one), req(input))).id);
      } catch (err) {
        single.push((err as { code: string }).code);
      }
    }
    const outcomes = await ingestArticles(deps(many), inputs.map(req));
    expect(outcomes.map((o) => (o.ok ? o.result.id : o.error.code))).toEqual(single);
    expect(single.filter((o) => typeof o === 'string')).toEqual([
      'HTML_TOO_DEEP',
      'VALIDATION_FAILED',
      'HTML_TOO_DEEP',
    ]);
    expect(await stored(many)).toEqual(await stored(one));
    const counts = async (t: TestDb) => (await t.db.selectFrom('presses').select('article_count').execute())[0]!;
    expect(await counts(many)).toEqual(await counts(one));
    // 3 refused, 7 withdrawn from the start, 2 revising stored articles (no new one), 1 of them withdrawing it
    expect((await counts(many)).article_count).toBe(inputs.length - 3 - 7 - 2 - 1);
    const revised = await many.db
      .selectFrom('articles')
      .select(['headline', 'revision'])
      .where('uri', '=', 'urn:batch:5')
      .executeTakeFirstOrThrow();
    expect(revised).toEqual({ headline: '고친 제목', revision: 2 });
  });

  it('when the database refuses one row, the rest of its chunk is still stored and only that item is refused', async () => {
    if (dialect === 'sqlite') {
      await sql`create trigger refuse_boom before insert on articles when new.headline = '거부될 기사'
        begin select raise(abort, 'refused by a trigger'); end`.execute(many.db);
    } else {
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
        begin if new.headline = '거부될 기사' then raise exception 'refused by a trigger'; end if; return new; end $$`.execute(
        many.db,
      );
      await sql`create trigger refuse_boom before insert on articles for each row execute function refuse_boom()`.execute(
        many.db,
      );
    }
    const inputs = [item(1), item(2, { headline: '거부될 기사' }), item(3)];
    const outcomes = await ingestArticles(deps(many), inputs.map(req));
    expect(outcomes.map((o) => (o.ok ? o.result.created : o.error.code))).toEqual([true, 'INTERNAL', true]);
    const s = await stored(many);
    expect(s.articles.map((a) => a.uri)).toEqual(['urn:batch:1', 'urn:batch:3']);
    expect(s.revisions).toHaveLength(2);
    expect(s.jobs).toHaveLength(2 * REGISTRY.articleChangedJobs.length);
  });
});
