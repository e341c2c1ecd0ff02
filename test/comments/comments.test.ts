// Comments over HTTP on SQLite and PostgreSQL: posting without JavaScript (303 back to the thread)
// and with it (JSON), who may write, replies one level deep, sorts, the permalink, likes, the
// author's deletion, and the article page's count and thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  commentsTestApp,
  csrfFor,
  makeArticle,
  postJson,
  postVia,
  verifiedReader,
  type TestReader,
} from './support.ts';

describe.each(await testDialects())('comments (%s)', (dialect) => {
  let t: TestApp;
  let article: number;
  let minji: TestReader;
  let junho: TestReader;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, { commentsPerArticle: 20, commentsPerDay: 100, commentLinkMinAgeDays: 0 });
    article = (await makeArticle(t)).id;
    minji = await verifiedReader(t, '민지', '10.61.0.1');
    junho = await verifiedReader(t, '준호', '10.61.0.2');
  });
  afterAll(() => t.close());

  it('an empty thread invites the first comment; the article page links its count to the thread', async () => {
    const page = await t.app.inject(`/articles/${article}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<a class="comment-count" href="#comments">댓글 <span class="comment-count__number">0<\/span><\/a>/,
    );
    expect(page.body).toContain('id="comments"');
    expect(page.body).toContain('아직 댓글이 없습니다. 이 기사에 대한 첫 의견을 남겨 주세요.');
  });

  it('posts without JavaScript: 303 back to the thread, text escaped, line breaks kept, links nofollow ugc', async () => {
    const res = await postVia(minji, article, '첫 댓글입니다\n<b>굵게</b> https://example.org/a?b=1.');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/articles/${article}/comments\\?sort=newest#comment-\\d+$`));
    const thread = await t.app.inject(`/articles/${article}/comments`);
    expect(thread.body).toContain(
      '첫 댓글입니다<br/>&lt;b>굵게&lt;/b> <a href="https://example.org/a?b=1" rel="nofollow ugc noopener" target="_blank">https://example.org/a?b=1</a>.',
    );
    expect(thread.body).not.toContain('<b>굵게</b>');
    const page = await t.app.inject(`/articles/${article}`);
    expect(page.body).toContain('<span class="comment-count__number">1</span>');
  });

  it('posts with JavaScript: JSON with the rendered comment; a reply answers a comment, not a reply', async () => {
    const csrf = await csrfFor(junho, article);
    const top = await postJson(t, junho, csrf, article, '준호의 의견');
    expect(top.statusCode).toBe(201);
    const { id, status, html } = top.json();
    expect(status).toBe('published');
    expect(html).toContain(`id="comment-${id}"`);
    const reply = await postJson(t, minji, await csrfFor(minji, article), article, '답글입니다', id);
    expect(reply.statusCode).toBe(201);
    const nested = await postJson(t, junho, csrf, article, '답글의 답글', reply.json().id);
    expect(nested.statusCode).toBe(422);
    expect(nested.json().error.details[0].path).toBe('parentId');
    const row = await t.deps.db
      .selectFrom('comments')
      .select('reply_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reply_count).toBe(1);
    // Junho hears about Minji's reply.
    const note = await t.deps.db
      .selectFrom('comment_notifications')
      .selectAll()
      .where('reader_id', '=', junho.id)
      .execute();
    expect(note.map((n) => n.comment_id)).toEqual([reply.json().id]);
  });

  it('refuses empty and over-long text with the field and a Korean message, and writes nothing', async () => {
    const before = await t.deps.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const csrf = await csrfFor(minji, article);
    const empty = await postJson(t, minji, csrf, article, '   \n ');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '댓글 내용을 입력해 주세요.',
      details: [{ path: 'body' }],
    });
    const long = await postJson(t, minji, csrf, article, '가'.repeat(1001));
    expect(long.statusCode).toBe(422);
    expect(long.json().error.message).toBe('댓글은 1000자까지 쓸 수 있습니다.');
    expect((await postJson(t, minji, csrf, article, '가'.repeat(1000))).statusCode).toBe(201);
    const after = await t.deps.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('only verified readers comment; anonymous visitors are sent to sign in', async () => {
    const unverified = await verifiedReader(t, '미인증', '10.61.0.3', false);
    const page = await unverified.browser.get(`/articles/${article}/comments`);
    expect(page.body).toContain('이메일 주소를 인증하면 댓글을 쓸 수 있습니다.');
    expect(page.body).not.toContain('data-comment-form');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await unverified.browser.get('/account')).body)![1]!;
    const res = await postJson(t, unverified, csrf, article, '인증 안 한 댓글');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('COMMENT_NOT_ALLOWED');
    const anonymous = await t.app.inject(`/articles/${article}/comments`);
    expect(anonymous.body).toContain(`/login?next=${encodeURIComponent(`/articles/${article}/comments`)}`);
    const post = await t.app.inject({ method: 'POST', url: `/articles/${article}/comments`, payload: { body: 'x' } });
    expect([401, 403]).toContain(post.statusCode);
  });

  it("likes and dislikes: one per reader, the same again takes it back, not on one's own", async () => {
    const a = await makeArticle(t);
    const id = (await postJson(t, minji, await csrfFor(minji, a.id), a.id, '공감 시험')).json().id;
    const csrf = await csrfFor(junho, a.id);
    const vote = (v: string, r = junho, token = csrf) =>
      t.app.inject({
        method: 'POST',
        url: `/comments/${id}/vote`,
        remoteAddress: r.browser.ip,
        headers: {
          cookie: [...r.browser.cookies].map(([k, c]) => `${k}=${c.value}`).join('; '),
          accept: 'application/json',
          'x-csrf-token': token,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: `vote=${v}`,
      });
    expect((await vote('like')).json()).toEqual({ likes: 1, dislikes: 0, mine: 'like' });
    expect((await vote('dislike')).json()).toEqual({ likes: 0, dislikes: 1, mine: 'dislike' });
    expect((await vote('dislike')).json()).toEqual({ likes: 0, dislikes: 0, mine: null });
    const own = await vote('like', minji, await csrfFor(minji, a.id));
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('자기 댓글에는 공감할 수 없습니다.');
  });

  it('sorts by popularity (Wilson), newest, oldest, like ratio and replies; a permalink shows one comment', async () => {
    const a = await makeArticle(t);
    const ids: number[] = [];
    for (const text of ['하나', '둘', '셋'])
      ids.push((await postJson(t, minji, await csrfFor(minji, a.id), a.id, `정렬 ${text}`)).json().id);
    // 둘: 9 likes 1 dislike; 셋: 1 like; 하나: nothing — set directly, the votes' arithmetic is tested above.
    await t.deps.db
      .updateTable('comments')
      .set({ likes: 9, dislikes: 1, wilson: 0.596 })
      .where('id', '=', ids[1]!)
      .execute();
    await t.deps.db
      .updateTable('comments')
      .set({ likes: 1, dislikes: 0, wilson: 0.2065, reply_count: 4 })
      .where('id', '=', ids[2]!)
      .execute();
    const order = async (sort: string) => {
      const body = (await t.app.inject(`/articles/${a.id}/comments?sort=${sort}`)).body;
      return [...body.matchAll(/<li class="comment" id="comment-(\d+)"/g)].map((m) => Number(m[1]));
    };
    expect(await order('popular')).toEqual([ids[1], ids[2], ids[0]]);
    expect(await order('newest')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await order('oldest')).toEqual([ids[0], ids[1], ids[2]]);
    expect(await order('ratio')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await order('replies')).toEqual([ids[2], ids[1], ids[0]]);
    const link = await t.app.inject(`/comments/${ids[0]}`);
    expect(link.statusCode).toBe(200);
    expect(link.body).toContain('정렬 하나');
    expect(link.body).not.toContain('정렬 둘');
  });

  it('the author deletes their own: with replies it stays as a placeholder; the thread counts deletions', async () => {
    const a = await makeArticle(t);
    const csrf = await csrfFor(minji, a.id);
    const lone = (await postJson(t, minji, csrf, a.id, '혼자인 댓글')).json().id;
    const parent = (await postJson(t, minji, csrf, a.id, '답글 달린 댓글')).json().id;
    await postJson(t, junho, await csrfFor(junho, a.id), a.id, '답글', parent);
    for (const id of [lone, parent]) {
      const res = await minji.browser.post(`/comments/${id}/delete`, { _csrf: csrf });
      expect(res.statusCode).toBe(303);
    }
    const other = await junho.browser.post(`/comments/${lone}/delete`, { _csrf: await csrfFor(junho, a.id) });
    expect(other.statusCode).toBe(404);
    const body = (await t.app.inject(`/articles/${a.id}/comments`)).body;
    expect(body).not.toContain('혼자인 댓글');
    expect(body).not.toContain('답글 달린 댓글');
    expect(body.match(/작성자가 삭제한 댓글입니다/g)?.length).toBe(1);
    expect(body).toContain('작성자 삭제 2건 · 규정 위반 삭제 0건');
    expect(body).toContain('>답글<');
  });
});
