// The posting limits on SQLite and PostgreSQL: per day, per article (deleted ones count), replies
// per article, the gap between comments, likes per day and between likes, reactions; each
// refusal names its limit and when it resets, in the reader's language; and two servers on one
// database never let a reader past a limit by racing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  commentsTestApp,
  csrfFor,
  makeArticle,
  postJson,
  postJsonVia,
  secondServer,
  verifiedReader,
} from './support.ts';

describe.each(await testDialects())('comment limits (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, {
      commentsPerArticle: 3,
      commentsPerDay: 6,
      commentRepliesPerArticle: 2,
      commentLikesPerDay: 2,
    });
  });
  afterAll(() => t.close());

  it('3 comments per article, deleted ones counting; the refusal says so and never resets', async () => {
    const r = await verifiedReader(t, '한도', '10.62.0.1');
    const a = (await makeArticle(t)).id;
    const csrf = await csrfFor(r, a);
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const res = await postJson(t, r, csrf, a, `기사 한도 ${n}`);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    expect((await r.browser.post(`/comments/${ids[0]}/delete`, { _csrf: csrf })).statusCode).toBe(303);
    const fourth = await postJson(t, r, csrf, a, '기사 한도 4');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error).toMatchObject({
      code: 'COMMENT_LIMIT_REACHED',
      message: '이 기사에는 댓글을 3개까지 쓸 수 있습니다(삭제한 댓글 포함).',
    });
    // Without JavaScript: a page in the reader's language with the same words.
    const page = await r.browser.post(`/articles/${a}/comments`, { _csrf: csrf, body: '기사 한도 5' });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('이 기사에는 댓글을 3개까지 쓸 수 있습니다');
    expect(page.body).toContain(`href="/articles/${a}/comments"`);
  });

  it('replies per article and comments per day, with the Korean midnight they reset at', async () => {
    const r = await verifiedReader(t, '하루', '10.62.0.2');
    const other = await verifiedReader(t, '상대', '10.62.0.3');
    const a = (await makeArticle(t)).id;
    const parent = (await postJson(t, other, await csrfFor(other, a), a, '원글')).json().id;
    const csrf = await csrfFor(r, a);
    expect((await postJson(t, r, csrf, a, '답글 하나', parent)).statusCode).toBe(201);
    expect((await postJson(t, r, csrf, a, '답글 둘', parent)).statusCode).toBe(201);
    const third = await postJson(t, r, csrf, a, '답글 셋', parent);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toBe('이 기사에는 답글을 2개까지 쓸 수 있습니다.');
    // Two replies so far today; four more comments on other articles reach the daily 6.
    for (let i = 0; i < 4; i++) {
      const b = (await makeArticle(t)).id;
      expect((await postJson(t, r, csrf, b, `하루 한도 ${i}`)).statusCode).toBe(201);
    }
    const over = await postJson(t, r, csrf, (await makeArticle(t)).id, '하루 한도 초과');
    expect(over.statusCode).toBe(429);
    const midnight = new Date((Math.floor((Date.now() + 9 * 3_600_000) / 86_400_000) + 1) * 86_400_000 - 9 * 3_600_000);
    expect(over.json().error.message).toMatch(
      /^하루에 쓸 수 있는 댓글\(6개\)을 모두 썼습니다\. .+에 다시 쓸 수 있습니다\.$/,
    );
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(
      Math.floor((midnight.getTime() - Date.now()) / 1000) - 5,
    );
  });

  it('likes per day; taking a like back does not give it back', async () => {
    const author = await verifiedReader(t, '글쓴이', '10.62.0.4');
    const liker = await verifiedReader(t, '공감러', '10.62.0.5');
    const a = (await makeArticle(t)).id;
    const csrfA = await csrfFor(author, a);
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await postJson(t, author, csrfA, a, `공감 한도 ${n}`)).json().id);
    const csrf = await csrfFor(liker, a);
    const like = (id: number) =>
      t.app.inject({
        method: 'POST',
        url: `/comments/${id}/vote`,
        remoteAddress: liker.browser.ip,
        headers: {
          cookie: [...liker.browser.cookies].map(([k, c]) => `${k}=${c.value}`).join('; '),
          accept: 'application/json',
          'x-csrf-token': csrf,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'vote=like',
      });
    expect((await like(ids[0])).statusCode).toBe(200);
    expect((await like(ids[0])).json().mine).toBe(null);
    expect((await like(ids[1])).statusCode).toBe(200);
    const third = await like(ids[2]);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/^하루에 공감·비공감은 2번까지 할 수 있습니다\./);
  });

  it('two servers on one database: 12 simultaneous posts, exactly 3 get through', async () => {
    const second = await secondServer(t);
    try {
      const r = await verifiedReader(t, '경쟁', '10.62.0.6');
      const a = (await makeArticle(t)).id;
      const csrf = await csrfFor(r, a);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          postJsonVia(i % 2 ? second.app : t.app, r, csrf, a, `동시에 쓴 댓글 ${i}`),
        ),
      );
      const codes = results.map((res) => res.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(3);
      expect(codes.filter((c) => c === 429)).toHaveLength(9);
      const stored = await t.deps.db.selectFrom('comments').select('id').where('article_id', '=', a).execute();
      expect(stored).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});

describe.each(await testDialects())('the gap between comments (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, { commentGapSeconds: 60, commentLikeGapSeconds: 10 });
  });
  afterAll(() => t.close());

  it('60 s between comments and 10 s between likes, with the time it frees up', async () => {
    const r = await verifiedReader(t, '간격', '10.63.0.1');
    const other = await verifiedReader(t, '다른이', '10.63.0.2');
    const a = (await makeArticle(t)).id;
    const csrf = await csrfFor(r, a);
    expect((await postJson(t, r, csrf, a, '먼저 쓴 댓글')).statusCode).toBe(201);
    const soon = await postJson(t, r, csrf, a, '곧바로 쓴 댓글');
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.message).toMatch(/^댓글은 60초에 하나씩 쓸 수 있습니다\. .+부터 다시 쓸 수 있습니다\.$/);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(50);
    const ids = [];
    for (const n of [1, 2]) {
      const b = (await makeArticle(t)).id;
      ids.push((await postJson(t, other, await csrfFor(other, b), b, `간격 공감 ${n}`)).json().id);
      await t.deps.db
        .deleteFrom('comment_counters')
        .where('reader_id', '=', other.id)
        .where('bucket', '=', 'gap')
        .execute();
    }
    const vote = (id: number) =>
      t.app.inject({
        method: 'POST',
        url: `/comments/${id}/vote`,
        remoteAddress: r.browser.ip,
        headers: {
          cookie: [...r.browser.cookies].map(([k, c]) => `${k}=${c.value}`).join('; '),
          accept: 'application/json',
          'x-csrf-token': csrf,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'vote=like',
      });
    expect((await vote(ids[0])).statusCode).toBe(200);
    const fast = await vote(ids[1]);
    expect(fast.statusCode).toBe(429);
    expect(fast.json().error.message).toMatch(/^공감·비공감은 10초에 한 번씩 할 수 있습니다\./);
  });
});
