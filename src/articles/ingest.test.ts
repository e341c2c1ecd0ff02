// Every way a version of an article can arrive, and what must be stored: the press API and feeds
// both resend, reorder and withdraw, and each path here is one that would corrupt the reader's
// copy if its guard were removed (the stale-version guard above all).
import { REGISTRY } from '../app.ts';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { ingestArticle, type IngestRequest } from './ingest.ts';
import type { ArticleInput } from './model.ts';

const T0 = Date.parse('2026-11-30T09:00:00Z');
const MINUTE = 60_000;

function version(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    uri: 'urn:ingest:1',
    headline: '가람시 은빛대교 상판 균열',
    bodyHtml: '<p>가람시는 30일 은빛대교 통행을 막았다.</p>',
    lang: 'ko',
    bylines: [{ name: '김하늘' }],
    subjects: [{ code: 'society' }],
    keywords: [],
    photos: [],
    link: 'https://hanbit.example/news/1',
    firstCreated: T0,
    versionCreated: T0,
    pubstatus: 'usable',
    ...overrides,
  };
}

/** Job kinds the shipped capabilities enqueue with every article change (search, issues, summary…). */
const JOBS = REGISTRY.articleChangedJobs.length;

describe.each(await testDialects())('ingestArticle on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let nudges: number;
  let pressId: number;
  // Long after every versionCreated used below, so "now" never caps a timestamp.
  const now = T0 + 24 * 60 * MINUTE;

  beforeEach(async () => {
    t = await createTestDb(dialect);
    nudges = 0;
    deps = {
      db: t.db,
      dialect,
      config: loadConfig({}, { logLevel: 'silent' }),
      log: pino({ level: 'silent' }),
      registry: REGISTRY,
      nudgeJobs: () => void nudges++,
    };
    pressId = await addPress('hanbit');
  });
  afterEach(() => t.dispose());

  async function addPress(slug: string): Promise<number> {
    const row = await t.db
      .insertInto('presses')
      .values({ slug, name: slug, created_at: T0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const ingest = (input: ArticleInput, extra: Partial<IngestRequest> = {}) =>
    ingestArticle(deps, { pressId, source: 'api', input, original: input, now, ...extra });
  const article = (id: number) =>
    t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const revisions = async (id: number) =>
    (
      await t.db
        .selectFrom('article_revisions')
        .select(['revision', 'pubstatus'])
        .where('article_id', '=', id)
        .orderBy('revision')
        .execute()
    ).map((r) => `${r.revision}:${r.pubstatus}`);
  const jobCount = async (id: number) =>
    (
      await t.db
        .selectFrom('jobs')
        .select('kind')
        .where('payload', '=', JSON.stringify({ articleId: id }))
        .execute()
    ).length;
  const categories = async (id: number) =>
    (
      await t.db
        .selectFrom('article_categories')
        .innerJoin('categories', 'categories.id', 'article_categories.category_id')
        .select('categories.slug')
        .where('article_id', '=', id)
        .execute()
    ).map((c) => c.slug);

  it('a new article is stored with its first revision, its categories and one job of each kind that follows an article change', async () => {
    const r = await ingest(version());
    expect(r).toMatchObject({ created: true, changed: true, status: 'usable', revision: 1 });
    const a = await article(r.id);
    expect(a).toMatchObject({
      headline: '가람시 은빛대교 상판 균열',
      status: 'usable',
      revision: 1,
      updated_at: T0,
      first_created_at: T0,
      withdrawn_at: null,
    });
    expect(await revisions(r.id)).toEqual(['1:usable']);
    expect(await categories(r.id)).toEqual(['society']);
    expect(await jobCount(r.id)).toBe(JOBS);
    expect(nudges).toBe(1);
  });

  it('the same uri with new content is a new revision of the same article', async () => {
    const first = await ingest(version());
    const r = await ingest(
      version({
        headline: '은빛대교 균열, 보수에 두 달',
        subjects: [{ code: 'economy' }],
        versionCreated: T0 + 10 * MINUTE,
      }),
    );
    expect(r).toMatchObject({ id: first.id, created: false, changed: true, revision: 2 });
    const a = await article(r.id);
    expect(a).toMatchObject({
      headline: '은빛대교 균열, 보수에 두 달',
      revision: 2,
      updated_at: T0 + 10 * MINUTE,
      first_created_at: T0,
    });
    expect(await revisions(r.id)).toEqual(['1:usable', '2:usable']);
    expect(await categories(r.id)).toEqual(['economy']); // replaced, not added to
    expect(await jobCount(r.id)).toBe(2 * JOBS);
  });

  it('a new uri with a known link is the same story (a feed that changed its guids)', async () => {
    const first = await ingest(version());
    const r = await ingest(
      version({ uri: 'urn:ingest:new-guid', headline: '은빛대교 통제 이틀째', versionCreated: T0 + MINUTE }),
    );
    expect(r).toMatchObject({ id: first.id, created: false, changed: true, revision: 2 });
    expect((await article(first.id)).headline).toBe('은빛대교 통제 이틀째');
    expect(await t.db.selectFrom('articles').select('id').execute()).toHaveLength(1);
  });

  it('identical content arriving again (a feed re-polled) changes nothing and enqueues nothing', async () => {
    const first = await ingest(version());
    const again = await ingest(version(), { now: now + MINUTE });
    expect(again).toEqual({ id: first.id, created: false, changed: false, status: 'usable', revision: 1 });
    expect(await revisions(first.id)).toEqual(['1:usable']);
    expect(await jobCount(first.id)).toBe(JOBS);
    expect((await article(first.id)).received_at).toBe(now);
    expect(nudges).toBe(1);
  });

  it('an older version arriving late does not overwrite the newer one', async () => {
    const first = await ingest(version({ headline: '세 번째 판', versionCreated: T0 + 20 * MINUTE }));
    const late = await ingest(version({ headline: '두 번째 판', versionCreated: T0 + 10 * MINUTE }));
    expect(late).toEqual({ id: first.id, created: false, changed: false, status: 'usable', revision: 1 });
    const a = await article(first.id);
    expect(a.headline).toBe('세 번째 판');
    expect(a.updated_at).toBe(T0 + 20 * MINUTE);
    expect(await revisions(first.id)).toEqual(['1:usable']);
    expect(await jobCount(first.id)).toBe(JOBS);
  });

  it('versions arriving out of order end with the newest, whatever the order', async () => {
    const order = [3, 1, 2];
    let id = 0;
    for (const n of order) id = (await ingest(version({ headline: `판 ${n}`, versionCreated: T0 + n * MINUTE }))).id;
    const a = await article(id);
    expect(a.headline).toBe('판 3');
    expect(a.revision).toBe(1);
  });

  it('a correction with the same versionCreated but new content is taken (the press reused the time)', async () => {
    const first = await ingest(version());
    const r = await ingest(version({ headline: '가람시 은빛대교 상판 균열 (정정)' }));
    expect(r).toMatchObject({ id: first.id, changed: true, revision: 2 });
  });

  it('a version without versionCreated is never taken for stale', async () => {
    const first = await ingest(version({ versionCreated: T0 + 30 * MINUTE }));
    const r = await ingest(version({ headline: '날짜 없는 판', versionCreated: undefined }));
    expect(r).toMatchObject({ id: first.id, changed: true, revision: 2 });
    expect((await article(first.id)).headline).toBe('날짜 없는 판');
  });

  it('withdrawal keeps the article (its page answers 410), then re-publication brings it back', async () => {
    const first = await ingest(version());
    const withdrawn = await ingest(version({ pubstatus: 'canceled', versionCreated: T0 + 5 * MINUTE }), {
      now: now + MINUTE,
    });
    expect(withdrawn).toMatchObject({ id: first.id, changed: true, status: 'withdrawn', revision: 2 });
    expect(await article(first.id)).toMatchObject({ status: 'withdrawn', withdrawn_at: now + MINUTE });

    // Withheld after canceled is a new revision but keeps the first withdrawal time; the same
    // withdrawal once more changes nothing.
    const repeated = await ingest(version({ pubstatus: 'withheld', versionCreated: T0 + 5 * MINUTE }), {
      now: now + 2 * MINUTE,
    });
    expect(repeated).toMatchObject({ changed: true, status: 'withdrawn', revision: 3 });
    expect((await article(first.id)).withdrawn_at).toBe(now + MINUTE);
    const same = await ingest(version({ pubstatus: 'withheld', versionCreated: T0 + 5 * MINUTE }), {
      now: now + 3 * MINUTE,
    });
    expect(same).toMatchObject({ changed: false, status: 'withdrawn', revision: 3 });

    const back = await ingest(version({ pubstatus: 'usable', versionCreated: T0 + 9 * MINUTE }), {
      now: now + 4 * MINUTE,
    });
    expect(back).toMatchObject({ id: first.id, changed: true, status: 'usable', revision: 4 });
    expect(await article(first.id)).toMatchObject({ status: 'usable', withdrawn_at: null });
    expect(await revisions(first.id)).toEqual(['1:usable', '2:canceled', '3:withheld', '4:usable']);
    expect(await jobCount(first.id)).toBe(4 * JOBS); // every follow-up job hears of every change of status
  });

  it('identical content that changes only the status is a change (withdrawal of an unchanged text)', async () => {
    const first = await ingest(version());
    const r = await ingest(version({ pubstatus: 'canceled' }));
    expect(r).toMatchObject({ id: first.id, changed: true, status: 'withdrawn' });
  });

  it('the same uri from another press is another article', async () => {
    const other = await addPress('haeon');
    const a = await ingest(version());
    const b = await ingest(version(), { pressId: other });
    expect(b.created).toBe(true);
    expect(b.id).not.toBe(a.id);
  });

  it('a version dated in the future is stored as of now, so a real later version is not refused', async () => {
    const first = await ingest(version({ versionCreated: now + 60 * MINUTE }));
    expect((await article(first.id)).updated_at).toBe(now);
    const r = await ingest(version({ headline: '바로잡은 판', versionCreated: now + 30 * MINUTE }), {
      now: now + 40 * MINUTE,
    });
    expect(r).toMatchObject({ changed: true, revision: 2 });
  });
});
