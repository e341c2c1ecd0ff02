// Every article-changed job kind with a runBatch ends where its jobs run one by one end: the same
// summaries, reporters and filings, and issue groupings, from the same articles (search.index has
// its own: src/search/index-batch.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES } from '../src/issues/test-fixtures.ts';
import { discardEngine } from '../src/issues/engine-cache.ts';
import { JobWorker } from '../src/jobs/worker.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { testDialects } from './helpers/databases.ts';
import { addPress, deliver } from './helpers/newsroom.ts';

async function newsroom(t: TestApp): Promise<number[]> {
  const presses = new Map<string, number>();
  const ids: number[] = [];
  let n = 0;
  for (const a of FIXTURE_ARTICLES) {
    if (!presses.has(a.press)) presses.set(a.press, await addPress(t.deps, a.press, a.press));
    n++;
    const r = await deliver(t.deps, presses.get(a.press)!, {
      uri: `urn:batched:${n}`,
      headlines: [{ role: 'main', value: a.headline }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>${a.body}</p>` }],
      // Shared and distinct reporters, some on two articles of a batch.
      by: n % 2 ? '김가람 기자' : `김가람 기자, 이해온 기자 ${n % 3}`,
      versioncreated: new Date(Date.UTC(2026, 2, 1, 9, n)).toISOString(),
    });
    ids.push(r.id);
  }
  // One withdrawn article: each kind's batch must skip or remove it as its single run does.
  await deliver(t.deps, presses.get(FIXTURE_ARTICLES[0]!.press)!, {
    uri: 'urn:batched:1',
    pubstatus: 'canceled',
    headlines: [{ role: 'main', value: FIXTURE_ARTICLES[0]!.headline }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>${FIXTURE_ARTICLES[0]!.body}</p>` }],
  });
  return ids;
}

/** What the jobs produced, by article position (ids and reporter ids may differ between databases). */
async function outcome(t: TestApp, ids: number[]) {
  const db = t.deps.db;
  const pos = (id: number | null) => ids.indexOf(id ?? -1);
  const summaries = await db
    .selectFrom('article_summaries')
    .select(['article_id', 'revision', 'version', 'sentences', 'reason'])
    .execute();
  const reporters = await db
    .selectFrom('article_reporters')
    .innerJoin('reporters', 'reporters.id', 'article_reporters.reporter_id')
    .select(['article_reporters.article_id', 'article_reporters.position', 'reporters.name', 'reporters.identity'])
    .execute();
  const memberships = await db.selectFrom('issue_articles').select(['article_id', 'issue_id']).execute();
  const issueOf = new Map(memberships.map((m) => [m.article_id, m.issue_id]));
  return {
    summaries: summaries
      .map((s) => ({ ...s, article_id: pos(s.article_id) }))
      .sort((a, b) => a.article_id - b.article_id),
    reporters: reporters.map((r) => `${pos(r.article_id)}:${r.position}:${r.name}:${r.identity}`).sort(),
    reporterCount: Number(
      (
        await db
          .selectFrom('reporters')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    // Groupings as partitions of positions: issue ids differ between databases.
    issues: ids.map((id) => ids.findIndex((other) => issueOf.get(other) === issueOf.get(id) && issueOf.has(id))),
  };
}

describe.each(await testDialects())('batched article-changed jobs on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) {
      discardEngine(t.deps.db);
      await t.close();
    }
  });

  it('end where the same jobs run one by one end', async () => {
    const single = await createTestApp(dialect);
    const batched = await createTestApp(dialect);
    apps.push(single, batched);
    const singleIds = await newsroom(single);
    const batchedIds = await newsroom(batched);

    // batchSize 1: every job through its kind's run, one after another.
    expect(await new JobWorker(single.deps, { batchSize: 1 }).drain()).toBeGreaterThan(0);
    const ran = await new JobWorker(batched.deps).drain();
    expect(ran).toBeGreaterThan(0);
    const failed = await batched.deps.db.selectFrom('jobs').select('kind').where('status', '!=', 'done').execute();
    expect(failed).toEqual([]);

    const expected = await outcome(single, singleIds);
    expect(expected.summaries.length).toBeGreaterThan(0);
    expect(expected.reporters.length).toBeGreaterThan(0);
    expect(new Set(expected.issues.filter((i) => i >= 0)).size).toBeGreaterThan(1);
    expect(await outcome(batched, batchedIds)).toEqual(expected);
  });
});
