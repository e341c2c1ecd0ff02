// Corrections in the open, on SQLite and PostgreSQL: a revised article says "수정됨 · N회" and
// links to /articles/:id/revisions, where each revision has its heading, its time and a
// word-level diff of headline and body against the one before, labelled for screen readers. A
// withdrawn article answers 410 there too, with the notice of its withdrawal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { LONG_STORY, addPress, deliver, storyHtml } from '../../test/helpers/newsroom.ts';
import { wordDiff } from './revision-diff.ts';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const MIN = 60_000;

describe('word-level diff', () => {
  it('compares Korean by words (어절), not by syllables', async () => {
    const parts = await wordDiff('조력발전소가 첫 전력을 생산했다.', '조력발전소가 처음으로 전력을 생산했다.');
    expect(parts).toEqual([
      { kind: 'same', text: '조력발전소가 ' },
      { kind: 'removed', text: '첫' },
      { kind: 'added', text: '처음으로' },
      { kind: 'same', text: ' 전력을 생산했다.' },
    ]);
  });

  it('gives up (null) instead of working on for a text rewritten past the edit bound', async () => {
    const a = Array.from({ length: 6_000 }, (_, i) => `가${i}`).join(' ');
    const b = Array.from({ length: 6_000 }, (_, i) => `나${i}`).join(' ');
    expect(await wordDiff(a, b)).toBeNull();
  });
});

describe.each(await testDialects())('article revisions on %s', (dialect) => {
  let t: TestApp;
  let pressId: number;
  let id: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    pressId = await addPress(t.deps, 'haeon-ilbo', '해온일보');
    const base = { uri: 'urn:r:1', firstcreated: new Date(T0).toISOString() };
    ({ id } = await deliver(
      t.deps,
      pressId,
      {
        ...base,
        headline: '해온만 조력발전소 첫 전력 생산',
        body_html: storyHtml(),
        versioncreated: new Date(T0).toISOString(),
      },
      T0,
    ));
    const fixed = LONG_STORY.map((p, i) =>
      i === 2 ? '시는 착공 6년 만에 준공한 이 발전소가 해마다 온실가스 29만t을 줄일 것으로 내다봤다.' : p,
    );
    await deliver(
      t.deps,
      pressId,
      {
        ...base,
        headline: '해온만 조력발전소 첫 전력 생산',
        body_html: storyHtml(fixed),
        versioncreated: new Date(T0 + 30 * MIN).toISOString(),
      },
      T0 + 30 * MIN,
    );
    await deliver(
      t.deps,
      pressId,
      {
        ...base,
        headline: '해온만 조력발전소 상업 운전 시작',
        body_html: storyHtml(fixed),
        versioncreated: new Date(T0 + 90 * MIN).toISOString(),
      },
      T0 + 90 * MIN,
    );
  });
  afterAll(async () => t?.close());

  it('says "수정됨 · 2회" with the time on the article page and links the revisions', async () => {
    const html = (await t.app.inject(`/articles/${id}`)).body;
    expect(html).toContain(`<a href="/articles/${id}/revisions" class="article-times__label">수정됨 · 2회</a>`);
    expect(html).toContain(`<time datetime="${new Date(T0 + 90 * MIN).toISOString()}">2026.11.30. 오전 11:30</time>`);
    const en = (await t.app.inject(`/articles/${id}?lang=en`)).body;
    expect(en).toContain('Corrected · 2×');
  });

  it('shows every revision under its own heading, newest first, with its time', async () => {
    const res = await t.app.inject(`/articles/${id}/revisions`);
    expect(res.statusCode).toBe(200);
    const headings = [...res.body.matchAll(/<h2 id="revision-(\d)"[^>]*>([^<]*)/g)].map((m) => [m[1], m[2]]);
    expect(headings).toEqual([
      ['3', '제3판'],
      ['2', '제2판'],
      ['1', '제1판 (처음 실린 기사)'],
    ]);
    expect(res.body).toContain(
      `<time datetime="${new Date(T0 + 30 * MIN).toISOString()}">2026.11.30. 오전 10:30</time>`,
    );
    expect(res.body).toContain('해온일보가 이 기사를 처음 실은 뒤 2회 고쳤습니다.');
  });

  it('diffs the headline and the body word by word, with labels a screen reader reads', async () => {
    const html = (await t.app.inject(`/articles/${id}/revisions`)).body;
    const rev3 = html.slice(html.indexOf('id="revision-3"'), html.indexOf('id="revision-2"'));
    const rev2 = html.slice(html.indexOf('id="revision-2"'), html.indexOf('id="revision-1"'));
    expect(rev3).toContain(
      '<del><span class="visually-hidden">[삭제됨] </span>첫 전력 생산<span class="visually-hidden"> [삭제 끝]</span></del>',
    );
    expect(rev3).toContain(
      '<ins><span class="visually-hidden">[추가됨] </span>상업 운전 시작<span class="visually-hidden"> [추가 끝]</span></ins>',
    );
    expect(rev3).toContain('본문은 바뀌지 않았습니다.');
    expect(rev2).toContain('<del><span class="visually-hidden">[삭제됨] </span>31만t을<');
    expect(rev2).toContain('<ins><span class="visually-hidden">[추가됨] </span>29만t을<');
    // Long unchanged stretches are cut to their ends (and say so), so the change stands out.
    expect(rev2).toContain('(바뀌지 않은 부분 생략)');
    expect(rev2).not.toContain(LONG_STORY[7]);
  });

  it('answers 404 for an article that does not exist', async () => {
    expect((await t.app.inject('/articles/999999/revisions')).statusCode).toBe(404);
    expect((await t.app.inject('/articles/abc/revisions')).statusCode).toBe(404);
  });

  it('shows no correction note for an article never revised', async () => {
    const once = await deliver(t.deps, pressId, {
      uri: 'urn:r:2',
      headline: '한 번만 실린 기사',
      body_html: storyHtml(),
    });
    const html = (await t.app.inject(`/articles/${once.id}`)).body;
    expect(html).not.toContain('수정됨 ·');
    const page = await t.app.inject(`/articles/${once.id}/revisions`);
    expect(page.body).toContain('처음 실은 뒤 고치지 않은 기사입니다.');
  });

  it('keeps a withdrawn article to a short public notice: 410 on its page and its revisions', async () => {
    const w = await deliver(t.deps, pressId, { uri: 'urn:r:3', headline: '내릴 기사', body_html: storyHtml() }, T0);
    await deliver(
      t.deps,
      pressId,
      { uri: 'urn:r:3', headline: '내릴 기사', body_html: storyHtml(), pubstatus: 'canceled' },
      T0 + 5 * MIN,
    );
    for (const url of [`/articles/${w.id}`, `/articles/${w.id}/revisions`]) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('언론사가 내린 기사입니다');
      expect(res.body).toContain('해온일보가 2026.11.30. 오전 10:05에 이 기사를 내렸습니다.');
      expect(res.body).not.toContain(LONG_STORY[0]);
    }
  });
});
