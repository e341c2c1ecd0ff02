// Bylines become reporters (by the press's id, else name + e-mail, within a press), their pages,
// and press staff renaming and merging them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addArticle, addPress } from '../../test/helpers/news.ts';
import { addStaff, form, sessionCsrf, signIn } from '../../test/helpers/staff.ts';

const T0 = Date.parse('2026-11-30T09:00:00Z');

describe.each(await testDialects())('reporters on %s', (dialect) => {
  let t: TestApp;
  let pressId: number;
  let otherPressId: number;

  beforeEach(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    pressId = await addPress(t.deps, 'hanbit', '한빛일보');
    otherPressId = await addPress(t.deps, 'saebyeok', '새벽신문');
  });
  afterEach(() => t.close());

  const reporterOf = async (articleId: number, position = 0) => {
    const res = await t.app.inject({ url: `/reporters/byline/${articleId}/${position}` });
    expect(res.statusCode).toBe(302);
    return Number(/^\/reporters\/(\d+)$/.exec(res.headers.location as string)![1]);
  };

  it('one reporter per press id, else per name and e-mail, within one press', async () => {
    const a = await addArticle(t.deps, pressId, { bylines: [{ name: '김민수', email: 'minsu@hanbit.example' }] }, T0);
    const b = await addArticle(
      t.deps,
      pressId,
      { bylines: [{ name: '김민수', email: 'ms.kim@hanbit.example' }] },
      T0 + 1000,
    );
    const c = await addArticle(t.deps, pressId, { bylines: [{ name: '김민수', ref: 'staff-7' }] }, T0 + 2000);
    const d = await addArticle(
      t.deps,
      pressId,
      { bylines: [{ name: 'Kim Minsu', ref: 'staff-7' }, { name: '이서연' }] },
      T0 + 3000,
    );
    const e = await addArticle(
      t.deps,
      otherPressId,
      { bylines: [{ name: '김민수', email: 'minsu@hanbit.example' }] },
      T0 + 4000,
    );
    await t.runJobs();
    const [ra, rb, rc, rd, re] = [
      await reporterOf(a),
      await reporterOf(b),
      await reporterOf(c),
      await reporterOf(d),
      await reporterOf(e),
    ];
    expect(new Set([ra, rb, rc, re]).size).toBe(4);
    expect(rd).toBe(rc);
    expect(await reporterOf(d, 1)).not.toBe(rc);
  });

  it('the article page links each byline to its reporter, even before the link job ran', async () => {
    const a = await addArticle(t.deps, pressId, { headline: '은빛대교 통행 재개', bylines: [{ name: '박지훈' }] }, T0);
    const page = await t.app.inject({ url: `/articles/${a}` });
    expect(page.body).toContain(`href="/reporters/byline/${a}/0"`);
    const id = await reporterOf(a);
    const reporterPage = await t.app.inject({ url: `/reporters/${id}` });
    expect(reporterPage.statusCode).toBe(200);
    expect(reporterPage.body).toContain('박지훈 기자');
    expect(reporterPage.body).toContain('은빛대교 통행 재개');
    expect((await t.app.inject({ url: `/reporters/byline/${a}/3` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/reporters/999999' })).statusCode).toBe(404);
  });

  it('lists a reporter’s articles newest first, without withdrawn ones', async () => {
    const old = await addArticle(t.deps, pressId, { headline: '첫 기사', bylines: [{ name: '최유진' }] }, T0);
    await addArticle(t.deps, pressId, { headline: '둘째 기사', bylines: [{ name: '최유진' }] }, T0 + 60_000);
    const gone = await addArticle(
      t.deps,
      pressId,
      { uri: 'urn:gone', headline: '철회될 기사', bylines: [{ name: '최유진' }] },
      T0 + 120_000,
    );
    await addArticle(
      t.deps,
      pressId,
      {
        uri: 'urn:gone',
        headline: '철회될 기사',
        bylines: [{ name: '최유진' }],
        pubstatus: 'canceled',
        versionCreated: T0 + 130_000,
      },
      T0 + 130_000,
    );
    await t.runJobs();
    const body = (await t.app.inject({ url: `/reporters/${await reporterOf(old)}` })).body;
    expect(body.indexOf('둘째 기사')).toBeGreaterThan(-1);
    expect(body.indexOf('둘째 기사')).toBeLessThan(body.indexOf('첫 기사'));
    expect(body).not.toContain('철회될 기사');
    expect(gone).toBeGreaterThan(0);
  });

  it('press staff rename and merge their reporters; another press may not', async () => {
    const a = await addArticle(
      t.deps,
      pressId,
      { headline: '기사 가', bylines: [{ name: '정하은', email: 'ha@hanbit.example' }] },
      T0,
    );
    const b = await addArticle(
      t.deps,
      pressId,
      { headline: '기사 나', bylines: [{ name: '정 하은', email: 'haeun@hanbit.example' }] },
      T0 + 1000,
    );
    const x = await addArticle(t.deps, otherPressId, { headline: '기사 다', bylines: [{ name: '정하은' }] }, T0 + 2000);
    await t.runJobs();
    const [ra, rb, rx] = [await reporterOf(a), await reporterOf(b), await reporterOf(x)];
    await addStaff(t.deps, 'desk@hanbit.example', 'press', 'hanbit');
    await addStaff(t.deps, 'desk@saebyeok.example', 'press', 'saebyeok');
    const cookie = await signIn(t.app, 'desk@hanbit.example');
    const csrf = await sessionCsrf(t.app, cookie);
    const list = await t.app.inject({ url: '/studio/reporters', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('ha@hanbit.example');
    expect(list.body).not.toContain('기사 다');

    const post = (url: string, fields: Record<string, string>, c = cookie) => {
      const f = form(fields);
      return t.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...f.headers, cookie: c } });
    };
    expect(
      (await post(`/studio/reporters/${ra}/name`, { _csrf: csrf, displayName: '정하은(사회부)' })).statusCode,
    ).toBe(303);
    expect((await t.app.inject({ url: `/reporters/${ra}` })).body).toContain('정하은(사회부) 기자');

    // Across presses: refused, nothing moved.
    const across = await post('/studio/reporters/merge', { _csrf: csrf, from: String(ra), into: String(rx) });
    expect(across.statusCode).toBe(422);
    expect(
      (await post('/studio/reporters/merge', { _csrf: csrf, from: String(rb), into: String(ra) })).statusCode,
    ).toBe(303);
    const merged = await t.app.inject({ url: `/reporters/${rb}` });
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toBe(`/reporters/${ra}`);
    const page = (await t.app.inject({ url: `/reporters/${ra}` })).body;
    expect(page).toContain('기사 가');
    expect(page).toContain('기사 나');
    // A new article under the merged identity lands on the reporter it was merged into.
    const c = await addArticle(
      t.deps,
      pressId,
      { headline: '기사 라', bylines: [{ name: '정 하은', email: 'haeun@hanbit.example' }] },
      T0 + 5000,
    );
    await t.runJobs();
    expect(await reporterOf(c)).toBe(ra);

    const otherCookie = await signIn(t.app, 'desk@saebyeok.example');
    const otherCsrf = await sessionCsrf(t.app, otherCookie);
    expect(
      (await post(`/studio/reporters/${ra}/name`, { _csrf: otherCsrf, displayName: '남의 기자' }, otherCookie))
        .statusCode,
    ).toBe(403);
    expect((await post(`/studio/reporters/${ra}/name`, { displayName: '토큰 없음' })).statusCode).toBe(403);
  });
});
