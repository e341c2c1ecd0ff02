// /comments/:id/fragment, what the live island inserts: the comment as this viewer sees it in the
// thread, never a held comment of someone else's, never one by a commenter the viewer hid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { commentsTestApp, csrfFor, makeArticle, postJson, verifiedReader, type TestReader } from './support.ts';

describe.each(await testDialects())('comment fragment (%s)', (dialect) => {
  let t: TestApp;
  let article: number;
  let author: TestReader;
  let viewer: TestReader;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, { commentsPerArticle: 20, commentsPerDay: 100 });
    article = (await makeArticle(t)).id;
    author = await verifiedReader(t, '조각글쓴이', '10.73.0.1');
    viewer = await verifiedReader(t, '조각독자', '10.73.0.2');
  });
  afterAll(() => t.close());

  it('renders a published comment for anyone, with the forms for a signed-in reader', async () => {
    const { id } = (await postJson(t, author, await csrfFor(author, article), article, '조각으로 보일 댓글')).json();
    const anonymous = await t.app.inject(`/comments/${id}/fragment`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    expect(anonymous.body).toMatch(new RegExp(`^<li class="comment" id="comment-${id}" data-comment-id="${id}">`));
    expect(anonymous.body).toContain('조각으로 보일 댓글');
    expect(anonymous.body).not.toContain('/vote');
    const signedIn = await viewer.browser.get(`/comments/${id}/fragment`);
    expect(signedIn.body).toContain(`action="/comments/${id}/vote"`);
  });

  it('a reply carries its parent for placing; a held comment only its author gets', async () => {
    const csrf = await csrfFor(author, article);
    const { id: parent } = (await postJson(t, author, csrf, article, '부모 댓글')).json();
    const { id: reply } = (
      await postJson(t, viewer, await csrfFor(viewer, article), article, '답글 조각', parent)
    ).json();
    expect((await t.app.inject(`/comments/${reply}/fragment`)).body).toContain(`data-parent-id="${parent}"`);
    const held = (await postJson(t, author, csrf, article, '링크 https://example.org/fragment')).json();
    expect(held.status).toBe('held');
    expect((await t.app.inject(`/comments/${held.id}/fragment`)).statusCode).toBe(404);
    expect((await viewer.browser.get(`/comments/${held.id}/fragment`)).statusCode).toBe(404);
    const own = await author.browser.get(`/comments/${held.id}/fragment`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('검토 대기');
  });

  it('a commenter the viewer hid does not arrive live', async () => {
    const { id } = (await postJson(t, author, await csrfFor(author, article), article, '숨길 사람의 댓글')).json();
    const hide = await viewer.browser.post(`/comments/${id}/hide-author`, { _csrf: await csrfFor(viewer, article) });
    expect(hide.statusCode).toBe(303);
    const { id: later } = (await postJson(t, author, await csrfFor(author, article), article, '숨긴 뒤의 댓글')).json();
    expect((await viewer.browser.get(`/comments/${later}/fragment`)).statusCode).toBe(404);
    expect((await t.app.inject(`/comments/${later}/fragment`)).statusCode).toBe(200);
  });
});
