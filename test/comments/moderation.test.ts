// The moderation pipeline on SQLite and PostgreSQL, phase by phase, each decision stored with its
// phase and evidence and told to the author in words; the appeal (once); the studio queue with
// approve, reject, mask and suspend (single and bulk), press staff limited to their press, the
// log admins see; and /about/moderation generated from the configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import { addStaff, TEST_PASSWORD } from '../helpers/staff.ts';
import { csrfOf, signInVia, TestBrowser } from '../../src/readers/test-support.ts';
import { commentsTestApp, csrfFor, makeArticle, postJson, verifiedReader, type TestReader } from './support.ts';

describe.each(await testDialects())('moderation pipeline (%s)', (dialect) => {
  let t: TestApp;
  let r: TestReader;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, { commentsPerArticle: 50, commentsPerDay: 500, commentFloodArticles: 3 });
    r = await verifiedReader(t, '검사', '10.64.0.1');
  });
  afterAll(() => t.close());

  const decisions = (id: number) =>
    t.deps.db
      .selectFrom('comment_decisions')
      .select(['phase', 'action', 'reason', 'evidence'])
      .where('comment_id', '=', id)
      .orderBy('id')
      .execute();

  it('repeated text on one article, and flooding across articles, is not published — and says why', async () => {
    const a = (await makeArticle(t)).id;
    const csrf = await csrfFor(r, a);
    expect((await postJson(t, r, csrf, a, '똑같은 말입니다')).json().status).toBe('published');
    const again = (await postJson(t, r, csrf, a, '똑같은  말입니다!!')).json();
    expect(again).toMatchObject({ status: 'rejected', phase: 'repeat', reason: 'repeat-article' });
    expect((await decisions(again.id))[0]).toMatchObject({ phase: 'repeat', action: 'reject' });
    const page = await r.browser.get(`/articles/${a}/comments`);
    expect(page.body).toContain('게시되지 않음: 이 기사에 같은 내용의 댓글을 이미 쓰셨습니다.');
    // Others never see it.
    expect((await t.app.inject(`/articles/${a}/comments`)).body.match(/똑같은/g)?.length).toBe(1);
    const b = (await makeArticle(t)).id;
    const c = (await makeArticle(t)).id;
    expect((await postJson(t, r, csrf, b, '여기저기 붙이는 글')).json().status).toBe('published');
    expect((await postJson(t, r, csrf, c, '여기저기 붙이는 글')).json().status).toBe('published');
    const d = (await makeArticle(t)).id;
    expect((await postJson(t, r, csrf, d, '여기저기 붙이는 글')).json()).toMatchObject({
      status: 'rejected',
      reason: 'repeat-flood',
    });
  });

  it('links from a young account are held, with the account age as evidence', async () => {
    const a = (await makeArticle(t)).id;
    const res = (await postJson(t, r, await csrfFor(r, a), a, '여기 보세요 https://spam.example/buy')).json();
    expect(res).toMatchObject({ status: 'held', phase: 'links', reason: 'links-young-account' });
    expect(JSON.parse((await decisions(res.id))[0]!.evidence)).toEqual({ accountAgeDays: 0, minDays: 7 });
    const page = await r.browser.get(`/articles/${a}/comments`);
    expect(page.body).toContain(
      '검토 대기: 가입한 지 7일이 안 된 계정의 링크가 든 댓글은 검토 후 게시됩니다(가입 0일째).',
    );
  });

  it('profanity is masked and published; the model holds or rejects by its thresholds', async () => {
    const a = (await makeArticle(t, { headline: '국회 예산안 처리' })).id;
    const csrf = await csrfFor(r, a);
    const masked = (await postJson(t, r, csrf, a, '이건 좀 씨발 아니지 않나요 정책 방향이 이상합니다')).json();
    const row = await t.deps.db
      .selectFrom('comments')
      .select(['body', 'original', 'status'])
      .where('id', '=', masked.id)
      .executeTakeFirstOrThrow();
    expect(row.body).not.toContain('씨발');
    expect(row.body).toContain('**');
    expect(row.original).toContain('씨발');
    const ds = await decisions(masked.id);
    expect(ds.find((d) => d.phase === 'profanity')).toMatchObject({ action: 'mask', reason: 'profanity' });
    const tox = ds.find((d) => d.phase === 'toxicity')!;
    const score = JSON.parse(tox.evidence).score as number;
    expect(score).toBeGreaterThan(0);
    expect(row.status).toBe(score >= 970 ? 'rejected' : score >= 800 ? 'held' : 'published');
    const calm = (await postJson(t, r, csrf, a, '예산안 처리 과정을 더 자세히 알고 싶습니다')).json();
    expect(calm.status).toBe('published');
    const calmScore = JSON.parse((await decisions(calm.id)).find((d) => d.phase === 'toxicity')!.evidence).score;
    expect(calmScore).toBeLessThan(800);
  });

  it('a toxicity threshold of 0 holds everything the model scores; pre-moderation holds first comments per category', async () => {
    const strict = await commentsTestApp(dialect, { commentHoldToxicity: 0, commentRejectToxicity: 1000 });
    try {
      const s = await verifiedReader(strict, '엄격', '10.64.1.1');
      const a = (await makeArticle(strict)).id;
      const res = (await postJson(strict, s, await csrfFor(s, a), a, '좋은 기사 감사합니다')).json();
      expect(res).toMatchObject({ status: 'held', phase: 'toxicity', reason: 'toxicity-hold' });
    } finally {
      await strict.close();
    }
    const category = await t.deps.db.selectFrom('categories').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('comment_category_rules')
      .values({
        category_id: category.id,
        premoderation: 'first',
        premoderate_first: 50,
        open_hours: null,
        night_from: null,
        night_to: null,
      })
      .execute();
    const a = (await makeArticle(t, { categoryId: category.id })).id;
    const fresh = await verifiedReader(t, '새내기', '10.64.0.2');
    const res = (await postJson(t, fresh, await csrfFor(fresh, a), a, '처음 남기는 댓글')).json();
    expect(res).toMatchObject({ status: 'held', phase: 'premoderation', reason: 'premoderation-first' });
    await t.deps.db.deleteFrom('comment_category_rules').execute();
  });

  it('a ban with an end refuses up front and says until when; nothing is written', async () => {
    const banned = await verifiedReader(t, '정지', '10.64.0.3');
    const until = Date.now() + 3 * 86_400_000;
    await t.deps.db
      .insertInto('comment_bans')
      .values({ reader_id: banned.id, until, reason: 'test', staff_id: null, created_at: Date.now() })
      .execute();
    const a = (await makeArticle(t)).id;
    const res = await postJson(t, banned, await csrfFor(banned, a), a, '정지 중에 쓴 글');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/^댓글 쓰기가 .+까지 정지되었습니다\.$/);
    expect(
      await t.deps.db.selectFrom('comments').select('id').where('reader_id', '=', banned.id).execute(),
    ).toHaveLength(0);
  });

  it('the author appeals once; the appeal goes to the queue', async () => {
    const a = (await makeArticle(t)).id;
    const csrf = await csrfFor(r, a);
    const held = (await postJson(t, r, csrf, a, '링크 https://example.org/x')).json();
    const first = await r.browser.post(`/comments/${held.id}/appeal`, { _csrf: csrf, text: '광고가 아닙니다' });
    expect(first.statusCode).toBe(303);
    expect((await r.browser.get(first.headers.location as string)).body).toContain('이의를 제기했습니다.');
    const second = await r.browser.post(`/comments/${held.id}/appeal`, { _csrf: csrf, text: '다시' });
    expect(second.statusCode).toBe(409);
    const other = await verifiedReader(t, '남의것', '10.64.0.4');
    expect(
      (await other.browser.post(`/comments/${held.id}/appeal`, { _csrf: await csrfFor(other, a), text: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('/about/moderation lists the phases in order and the limits in force', async () => {
    const page = await t.app.inject('/about/moderation');
    expect(page.statusCode).toBe(200);
    const phases = [...page.body.matchAll(/data-phase="([a-z]+)"/g)].map((m) => m[1]);
    expect(phases).toEqual(['length', 'ban', 'repeat', 'links', 'premoderation', 'profanity', 'toxicity']);
    expect(page.body).toContain('모델의 점수가 800/1000 이상이면 검토 대기, 970/1000 이상이면 게시하지 않습니다.');
    expect(page.body).toContain('하루 댓글·답글 500개');
    expect(page.body).toContain('기사 하나에 댓글 50개');
  });
});

describe.each(await testDialects())('the moderation queue (%s)', (dialect) => {
  let t: TestApp;
  let r: TestReader;
  let mine: { id: number; pressId: number };
  let theirs: { id: number; pressId: number };
  beforeAll(async () => {
    t = await commentsTestApp(dialect, { commentsPerArticle: 50, commentsPerDay: 500 });
    r = await verifiedReader(t, '대기', '10.65.0.1');
    mine = await makeArticle(t, { pressSlug: 'our-press' });
    theirs = await makeArticle(t, { pressSlug: 'their-press' });
    await addStaff(t.deps, 'editor@sosik.test', 'editor');
    await addStaff(t.deps, 'admin@sosik.test', 'admin');
    await addStaff(t.deps, 'press@sosik.test', 'press', 'our-press');
  });
  afterAll(() => t.close());

  async function staff(email: string): Promise<TestBrowser> {
    const b = new TestBrowser(t.app, '10.65.9.9');
    expect((await signInVia(b, email, TEST_PASSWORD)).statusCode).toBe(303);
    return b;
  }

  it('an editor sees held comments with their evidence, approves one, and the author sees it published', async () => {
    const held = (await postJson(t, r, await csrfFor(r, mine.id), mine.id, '링크 https://example.org/ok')).json();
    expect(held.status).toBe('held');
    const editor = await staff('editor@sosik.test');
    const queue = await editor.get('/studio/comments');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`id="queue-${held.id}"`);
    expect(queue.body).toContain('links</strong> hold');
    expect(queue.body).toContain('가입한 지 7일이 안 된 계정의 링크');
    const res = await editor.post('/studio/comments/decide', {
      _csrf: csrfOf(queue.body),
      ids: String(held.id),
      action: 'approve',
    });
    expect(res.statusCode).toBe(303);
    const thread = await t.app.inject(`/articles/${mine.id}/comments`);
    expect(thread.body).toContain('https://example.org/ok');
    expect((await editor.get('/studio/comments')).body).not.toContain(`id="queue-${held.id}"`);
  });

  it('bulk reject and suspend; press staff see only their press; admins see the log', async () => {
    const csrfMine = await csrfFor(r, mine.id);
    const a = (await postJson(t, r, csrfMine, mine.id, '묶음 https://example.org/1')).json().id;
    const b = (await postJson(t, r, csrfMine, mine.id, '묶음 https://example.org/2')).json().id;
    const c = (await postJson(t, r, await csrfFor(r, theirs.id), theirs.id, '남의 언론사 https://example.org/3')).json()
      .id;
    const press = await staff('press@sosik.test');
    const queue = await press.get('/studio/comments');
    expect(queue.body).toContain(`id="queue-${a}"`);
    expect(queue.body).not.toContain(`id="queue-${c}"`);
    expect(
      (await press.post('/studio/comments/decide', { _csrf: csrfOf(queue.body), ids: String(c), action: 'reject' }))
        .statusCode,
    ).toBe(404);
    const body = new URLSearchParams([
      ['_csrf', csrfOf(queue.body)],
      ['ids', String(a)],
      ['ids', String(b)],
      ['action', 'suspend'],
      ['days', '3'],
      ['note', '광고'],
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/studio/comments/decide',
      remoteAddress: '10.65.9.9',
      headers: {
        cookie: [...press.cookies].map(([k, v]) => `${k}=${v.value}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    });
    expect(res.statusCode).toBe(303);
    const rows = await t.deps.db.selectFrom('comments').select(['id', 'status']).where('id', 'in', [a, b]).execute();
    expect(rows.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    const ban = await t.deps.db
      .selectFrom('comment_bans')
      .selectAll()
      .where('reader_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(Number(ban.until)).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
    // The author is told, and now may not comment.
    expect((await r.browser.get(`/articles/${mine.id}/comments`)).body).toContain(
      '게시되지 않음: 검토자가 판단했습니다.',
    );
    const refused = await postJson(t, r, csrfMine, mine.id, '정지된 뒤');
    expect(refused.statusCode).toBe(403);
    const admin = await staff('admin@sosik.test');
    const log = (await admin.get('/studio/comments')).body;
    expect(log).toContain('검토 기록');
    expect(log).toContain('press@sosik.test');
    expect(log).toContain(`#${a}`);
    expect((await press.get('/studio/comments')).body).not.toContain('검토 기록');
  });
});
