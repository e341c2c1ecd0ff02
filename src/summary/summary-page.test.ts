// The automatic summary end to end on SQLite and PostgreSQL: the job computes it at ingest and on
// every correction (stored with the revision), the article page shows it collapsed between header
// and body, not for opinion or short articles, and not once the press switches summaries off in
// the studio (a CSRF-checked form).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { LONG_STORY, addPress, deliver, storyHtml } from '../../test/helpers/newsroom.ts';
import { addStaff, form, sessionCsrf, signIn } from '../../test/helpers/staff.ts';

const leadOf = (html: string) => /<details class="auto-summary"[\s\S]*?<\/details>/.exec(html)?.[0];

describe.each(await testDialects())('automatic summary on %s', (dialect) => {
  let t: TestApp;
  let pressId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    pressId = await addPress(t.deps, 'haeon-ilbo', '해온일보');
  });
  afterAll(async () => t?.close());

  it('computes the summary at ingest and shows it collapsed between the header and the body', async () => {
    const { id, revision } = await deliver(t.deps, pressId, {
      uri: 'urn:s:1',
      headline: '해온만 조력발전소 상업 운전 시작',
      body_html: storyHtml(),
    });
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeUndefined(); // not computed yet
    await t.runJobs();
    const row = await t.deps.db
      .selectFrom('article_summaries')
      .selectAll()
      .where('article_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.revision).toBe(revision);
    expect(row.reason).toBeNull();
    const sentences = JSON.parse(row.sentences!) as string[];
    expect(sentences).toHaveLength(3);
    for (const s of sentences) expect(LONG_STORY.join(' ')).toContain(s);

    const html = (await t.app.inject(`/articles/${id}`)).body;
    const lead = leadOf(html);
    expect(lead).toBeDefined();
    expect(lead).not.toContain(' open');
    expect(lead).toContain('<summary class="auto-summary__toggle">');
    expect(lead).toContain('요약봇 자동 요약');
    expect(lead).toContain('기사 전문을 읽어 주세요');
    for (const s of sentences) expect(lead).toContain(`<li>${s}</li>`);
    // After the header, before the body.
    expect(html.indexOf('</header>', html.indexOf('article-head'))).toBeLessThan(html.indexOf('auto-summary'));
    expect(html.indexOf('auto-summary')).toBeLessThan(html.indexOf('id="article-body"'));
  });

  it('recomputes on a correction and never shows an older revision’s summary', async () => {
    await deliver(t.deps, pressId, { uri: 'urn:s:2', headline: '조력발전소 준공', body_html: storyHtml() });
    await t.runJobs();
    const changed = LONG_STORY.map((p, i) =>
      i === 0 ? '해온시가 해온만 조력발전소의 첫 상업 운전을 2일 시작했다고 밝혔다.' : p,
    );
    const { id, revision } = await deliver(t.deps, pressId, {
      uri: 'urn:s:2',
      headline: '조력발전소 준공',
      body_html: storyHtml(changed),
    });
    expect(revision).toBe(2);
    // The correction is live, its summary not yet: nothing is shown rather than the old one.
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeUndefined();
    await t.runJobs();
    const rows = await t.deps.db
      .selectFrom('article_summaries')
      .select('revision')
      .where('article_id', '=', id)
      .orderBy('revision')
      .execute();
    expect(rows.map((r) => r.revision)).toEqual([1, 2]);
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeDefined();
  });

  it('stores the reason and shows nothing for opinion and short articles', async () => {
    const opinion = await deliver(t.deps, pressId, {
      uri: 'urn:s:3',
      headline: '[사설] 조력발전, 갯벌과 함께 가야',
      body_html: storyHtml(),
    });
    const short = await deliver(t.deps, pressId, {
      uri: 'urn:s:4',
      headline: '해온시 발전소 가동',
      body_html: '<p>해온시 발전소가 가동했다.</p>',
    });
    await t.runJobs();
    const reasons = await t.deps.db
      .selectFrom('article_summaries')
      .select(['article_id', 'reason', 'sentences'])
      .where('article_id', 'in', [opinion.id, short.id])
      .orderBy('article_id')
      .execute();
    expect(reasons).toEqual([
      { article_id: opinion.id, reason: 'opinion', sentences: null },
      { article_id: short.id, reason: 'too-short', sentences: null },
    ]);
    for (const id of [opinion.id, short.id])
      expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeUndefined();
  });

  it('reads the ninjs genre the press sent: an interview or opinion piece gets no summary', async () => {
    const interview = await deliver(t.deps, pressId, {
      uri: 'urn:s:7',
      headline: '해온조력에너지 대표와 나눈 이야기',
      body_html: storyHtml(),
      genre: [{ code: 'genre:Interview' }],
    });
    const opinion = await deliver(t.deps, pressId, {
      uri: 'urn:s:8',
      headline: '조력발전이 남긴 과제',
      body_html: storyHtml(),
      genre: [{ name: 'Opinion' }],
    });
    await t.runJobs();
    const rows = await t.deps.db
      .selectFrom('article_summaries')
      .select(['article_id', 'reason'])
      .where('article_id', 'in', [interview.id, opinion.id])
      .orderBy('article_id')
      .execute();
    expect(rows).toEqual([
      { article_id: interview.id, reason: 'interview' },
      { article_id: opinion.id, reason: 'opinion' },
    ]);
  });

  it('marks the UI text with the page language inside an English article', async () => {
    const en = [
      'Haeon city began commercial operation of its tidal power plant on Monday, officials said.',
      'The plant uses the difference between high and low tide to turn ten turbines with a capacity of 260 megawatts.',
      'The city expects the plant to cut greenhouse gas emissions by 310,000 tonnes a year once it runs at full output.',
      'About two thousand residents watched the first turbine start from a stand on top of the sea wall.',
      'Fishers asked the city to keep studying the mudflats, and the city promised to publish the results every quarter.',
      'Experts praised the predictability of tidal power but said the ecosystem needs long-term observation.',
      'The city plans to open an energy education centre next to the plant next year for school visits.',
    ];
    const { id } = await deliver(t.deps, pressId, {
      uri: 'urn:s:5',
      language: 'en',
      headline: 'Haeon tidal plant starts up',
      body_html: storyHtml(en),
    });
    await t.runJobs();
    const lead = leadOf((await t.app.inject(`/articles/${id}`)).body)!;
    expect(lead).toContain('<summary class="auto-summary__toggle" lang="ko">');
    expect(lead).toContain('<p class="auto-summary__note" lang="ko">');
  });

  it('lets the press switch summaries off (and on) in the studio, with CSRF', async () => {
    const { id } = await deliver(t.deps, pressId, {
      uri: 'urn:s:6',
      headline: '조력발전소 견학 시작',
      body_html: storyHtml(),
    });
    await t.runJobs();
    await addStaff(t.deps, 'desk@haeon.example', 'press', 'haeon-ilbo');
    const cookie = await signIn(t.app, 'desk@haeon.example');
    const studio = await t.app.inject({ url: '/studio', headers: { cookie } });
    expect(studio.body).toContain('action="/studio/presses/haeon-ilbo/summaries"');
    expect(studio.body).toMatch(/name="enabled" checked/);

    const noToken = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/haeon-ilbo/summaries',
      ...withCookie(form({}), cookie),
    });
    expect(noToken.statusCode).toBe(403);
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeDefined();

    const csrf = await sessionCsrf(t.app, cookie);
    const off = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/haeon-ilbo/summaries',
      ...withCookie(form({ _csrf: csrf }), cookie),
    });
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe('/studio?saved=summaries');
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeUndefined();
    const saved = await t.app.inject({ url: '/studio?saved=summaries', headers: { cookie } });
    expect(saved.body).toContain('요약 설정을 저장했습니다.');
    expect(saved.body).not.toMatch(/name="enabled" checked/);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/haeon-ilbo/summaries',
      ...withCookie(form({ _csrf: csrf, enabled: 'yes' }), cookie),
    });
    expect(bad.statusCode).toBe(422);

    const on = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/haeon-ilbo/summaries',
      ...withCookie(form({ _csrf: csrf, enabled: 'on' }), cookie),
    });
    expect(on.statusCode).toBe(303);
    expect(leadOf((await t.app.inject(`/articles/${id}`)).body)).toBeDefined();
  });

  it('refuses another press’s staff', async () => {
    await addPress(t.deps, 'valley-news', '골짜기뉴스');
    await addStaff(t.deps, 'desk@valley.example', 'press', 'valley-news');
    const cookie = await signIn(t.app, 'desk@valley.example');
    const csrf = await sessionCsrf(t.app, cookie);
    const res = await t.app.inject({
      method: 'POST',
      url: '/studio/presses/haeon-ilbo/summaries',
      ...withCookie(form({ _csrf: csrf }), cookie),
    });
    expect(res.statusCode).toBe(403);
  });
});

function withCookie(f: { payload: string; headers: Record<string, string> }, cookie: string) {
  return { payload: f.payload, headers: { ...f.headers, cookie } };
}
