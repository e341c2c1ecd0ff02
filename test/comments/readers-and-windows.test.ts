// On SQLite and PostgreSQL: reports with a reason reach the queue; fold requests fold (not
// remove) at SOSIK_COMMENT_FOLD_AT; the filter switch and hiding a commenter; article reactions;
// comment windows (closed by staff, open for N hours, night hours) shown above the form; the
// public commenter page; reply notifications; the comments part of export and account deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import { addStaff, TEST_PASSWORD } from '../helpers/staff.ts';
import { csrfOf, READER_PASSWORD, signInVia, TestBrowser } from '../../src/readers/test-support.ts';
import { commentsTestApp, csrfFor, makeArticle, postJson, verifiedReader, type TestReader } from './support.ts';

describe.each(await testDialects())('reports, folds, reactions, windows (%s)', (dialect) => {
  let t: TestApp;
  let author: TestReader;
  let readers: TestReader[];
  beforeAll(async () => {
    t = await commentsTestApp(dialect, {
      commentFoldAt: 2,
      reactionsPerDay: 3,
      commentsPerArticle: 20,
      commentsPerDay: 200,
    });
    author = await verifiedReader(t, '작성자', '10.66.0.1');
    readers = [await verifiedReader(t, '독자하나', '10.66.0.2'), await verifiedReader(t, '독자둘', '10.66.0.3')];
    await addStaff(t.deps, 'editor@sosik.test', 'editor');
  });
  afterAll(() => t.close());

  it('a report with a reason goes to the queue; fold requests fold the comment and say why', async () => {
    const a = (await makeArticle(t)).id;
    const id = (await postJson(t, author, await csrfFor(author, a), a, '접힐 댓글')).json().id;
    const [one, two] = readers as [TestReader, TestReader];
    const c1 = await csrfFor(one, a);
    expect((await one.browser.post(`/comments/${id}/report`, { _csrf: c1, reason: 'hate' })).statusCode).toBe(303);
    expect((await one.browser.post(`/comments/${id}/report`, { _csrf: c1, reason: 'nonsense' })).statusCode).toBe(422);
    const editor = new TestBrowser(t.app, '10.66.9.9');
    await signInVia(editor, 'editor@sosik.test', TEST_PASSWORD);
    const queue = (await editor.get('/studio/comments?reason=reported')).body;
    expect(queue).toContain(`id="queue-${id}"`);
    expect(queue).toContain('신고 1건: 혐오·차별');
    await one.browser.post(`/comments/${id}/fold`, { _csrf: c1 });
    expect((await t.app.inject(`/articles/${a}/comments`)).body).not.toContain('접힌 댓글입니다');
    await two.browser.post(`/comments/${id}/fold`, { _csrf: await csrfFor(two, a) });
    const body = (await t.app.inject(`/articles/${a}/comments`)).body;
    expect(body).toContain('<summary>접힌 댓글입니다(접기 요청 2건). 펼쳐 보기</summary>');
    expect(body).toContain('접힐 댓글');
  });

  it('a reader hides one commenter, and may show what the filter flagged', async () => {
    const a = (await makeArticle(t)).id;
    const [one] = readers as [TestReader];
    const masked = (await postJson(t, author, await csrfFor(author, a), a, '이건 씨발 좀 아니지 않나요')).json().id;
    const csrf = await csrfFor(one, a);
    expect((await one.browser.get(`/articles/${a}/comments`)).body).toContain(
      '<summary>필터가 가린 댓글입니다. 펼쳐 보기</summary>',
    );
    await one.browser.post('/comments/preferences', { _csrf: csrf, showFlagged: '1', back: `/articles/${a}/comments` });
    expect((await one.browser.get(`/articles/${a}/comments`)).body).not.toContain('필터가 가린 댓글입니다');
    await one.browser.post(`/comments/${masked}/hide-author`, { _csrf: csrf });
    expect((await one.browser.get(`/articles/${a}/comments`)).body).not.toContain(`id="comment-${masked}"`);
    expect((await t.app.inject(`/articles/${a}/comments`)).body).toContain(`id="comment-${masked}"`);
  });

  it('article reactions: one of each per reader, toggled, counted, limited per day', async () => {
    const a = (await makeArticle(t)).id;
    const [one] = readers as [TestReader];
    const csrf = await csrfFor(one, a);
    const react = (reaction: string) =>
      t.app.inject({
        method: 'POST',
        url: `/articles/${a}/reactions`,
        remoteAddress: one.browser.ip,
        headers: {
          cookie: [...one.browser.cookies].map(([k, c]) => `${k}=${c.value}`).join('; '),
          accept: 'application/json',
          'x-csrf-token': csrf,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: `reaction=${reaction}`,
      });
    expect((await react('useful')).json()).toEqual({ on: true });
    expect((await react('useful')).json()).toEqual({ on: false });
    expect((await react('agree')).json()).toEqual({ on: true });
    expect((await react('bogus')).statusCode).toBe(422);
    const page = (await t.app.inject(`/articles/${a}`)).body;
    expect(page).toMatch(/공감해요 <span class="reactions__count">1<\/span>/);
    expect(page).toMatch(/유익해요 <span class="reactions__count">0<\/span>/);
    // useful, agree and interesting are today's three; taking one back does not give it back.
    expect((await react('interesting')).json()).toEqual({ on: true });
    const over = await react('analysis');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toMatch(/^하루에 기사 반응은 3번까지/);
  });

  it('windows: staff close an article; a category opens for N hours or closes at night; the rule shows above the form', async () => {
    const a = (await makeArticle(t)).id;
    const editor = new TestBrowser(t.app, '10.66.9.8');
    await signInVia(editor, 'editor@sosik.test', TEST_PASSWORD);
    const page = await editor.get(`/studio/comments?article=${a}`);
    expect(
      (await editor.post('/studio/comments/window', { _csrf: csrfOf(page.body), article: String(a), closed: '1' }))
        .statusCode,
    ).toBe(303);
    const [one] = readers as [TestReader];
    const thread = (await one.browser.get(`/articles/${a}/comments`)).body;
    expect(thread).toContain('이 기사의 댓글은 언론사 또는 편집자가 닫았습니다.');
    expect(thread).not.toContain('data-comment-form');
    const refused = await postJson(t, one, csrfOf(thread), a, '닫힌 기사');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('COMMENTS_CLOSED');
    const cats = await t.deps.db.selectFrom('categories').select('id').orderBy('id').limit(2).execute();
    await t.deps.db
      .insertInto('comment_category_rules')
      .values({
        category_id: cats[0]!.id,
        premoderation: 'none',
        premoderate_first: 0,
        open_hours: 24,
        night_from: null,
        night_to: null,
      })
      .execute();
    const open = (await makeArticle(t, { categoryId: cats[0]!.id })).id;
    expect((await one.browser.get(`/articles/${open}/comments`)).body).toMatch(/댓글은 .+까지 쓸 수 있습니다\./);
    await t.deps.db
      .updateTable('articles')
      .set({ first_created_at: Date.now() - 25 * 3_600_000 })
      .where('id', '=', open)
      .execute();
    expect((await one.browser.get(`/articles/${open}/comments`)).body).toContain(
      '이 분야의 기사는 출고 후 정해진 시간 동안만 댓글을 받습니다.',
    );
    // Night hours that always include now (from this hour to the next, Korean time).
    const hour = new Date(Date.now() + 9 * 3_600_000).getUTCHours();
    await t.deps.db
      .insertInto('comment_category_rules')
      .values({
        category_id: cats[1]!.id,
        premoderation: 'none',
        premoderate_first: 0,
        open_hours: null,
        night_from: hour,
        night_to: (hour + 1) % 24,
      })
      .execute();
    const night = (await makeArticle(t, { categoryId: cats[1]!.id })).id;
    expect((await one.browser.get(`/articles/${night}/comments`)).body).toContain(
      `이 분야는 ${hour}시부터 ${(hour + 1) % 24}시까지 댓글을 받지 않습니다.`,
    );
    expect((await postJson(t, one, csrfOf(thread), night, '밤에 쓴 댓글')).statusCode).toBe(403);
  });

  it('the commenter page, reply notifications, and the comments part of export and deletion', async () => {
    const a = (await makeArticle(t)).id;
    const [one] = readers as [TestReader];
    const parent = (await postJson(t, author, await csrfFor(author, a), a, '프로필 댓글')).json().id;
    await postJson(t, one, await csrfFor(one, a), a, '프로필 답글', parent);
    const profile = await t.app.inject(`/readers/${encodeURIComponent('작성자')}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('작성자님의 댓글');
    expect(profile.body).toContain('프로필 댓글');
    const notes = (await author.browser.get('/account/notifications')).body;
    expect(notes).toContain('독자하나님이 “');
    expect(notes).toContain('프로필 답글');
    const exported = await one.browser.get('/account/export');
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(exported.body);
    expect(data.comments.comments.map((c: { text: string }) => c.text)).toContain('프로필 답글');
    // The author deletes the account: the comment with a reply stays as a placeholder, authorless.
    const del = await author.browser.get('/account/delete');
    const res = await author.browser.post('/account/delete', {
      _csrf: csrfOf(del.body),
      current_password: READER_PASSWORD,
    });
    expect(res.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('comments')
      .select(['status', 'body', 'reader_id'])
      .where('id', '=', parent)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'deleted_author', body: '', reader_id: null });
    expect((await t.app.inject(`/articles/${a}/comments`)).body).toContain('작성자가 삭제한 댓글입니다.');
  });
});
