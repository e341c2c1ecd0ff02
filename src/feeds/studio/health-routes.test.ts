import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, form, hiddenCsrf, signIn, staffTestApp, type StaffTestApp } from '../../../test/helpers/staff.ts';
import { testDialects } from '../../../test/helpers/databases.ts';
import { addFeed, getFeed, listFeeds, recordFailure, recordSuccess } from '../store.ts';

describe.each(await testDialects())('feed health panel on %s', (dialect) => {
  let s: StaffTestApp;
  let admin: string;
  let pressStaff: string;

  beforeAll(async () => {
    s = await staffTestApp(dialect, { feedsPoll: false });
    const db = s.deps.db;
    const now = Date.now();
    const [hanbit, baram] = await Promise.all(
      [
        ['hanbit', '한빛일보'],
        ['baram', '바람신문'],
      ].map(
        async ([slug, name]) =>
          (
            await db
              .insertInto('presses')
              .values({ slug: slug!, name: name!, created_at: now })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    const good = (await addFeed(db, { pressId: hanbit!, url: 'https://hanbit.example/rss', intervalSeconds: 900 }))
      .feed;
    await recordSuccess(db, good.id, {
      now,
      nextPollAt: now + 900_000,
      etag: null,
      lastModified: null,
      itemsTaken: 12,
      itemsSeen: 12,
    });
    const bad = (await addFeed(db, { pressId: baram!, url: 'https://baram.example/atom.xml', intervalSeconds: 900 }))
      .feed;
    await recordFailure(db, bad.id, {
      now,
      nextPollAt: now + 1_800_000,
      code: 'FEED_ENTITIES_REFUSED',
      message: 'the document declares its own entities',
      errorCount: 2,
    });
    await addStaff(s.deps, 'admin@sosik.test', 'admin');
    await addStaff(s.deps, 'desk@hanbit.test', 'press', 'hanbit');
    admin = await signIn(s.app, 'admin@sosik.test');
    pressStaff = await signIn(s.app, 'desk@hanbit.test');
  });
  afterAll(() => s.close());

  it('sends anonymous visitors to sign in', async () => {
    const res = await s.app.inject('/studio/feeds');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/login');
  });

  it('shows admins every feed with its health in words', async () => {
    const res = await s.app.inject({ url: '/studio/feeds', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('https://hanbit.example/rss');
    expect(res.body).toContain('https://baram.example/atom.xml');
    expect(res.body).toContain('오류 2회 연속');
    expect(res.body).toContain('문서가 자체 엔티티(DTD)를 선언해 안전을 위해 거부했습니다.');
    expect(res.body).toMatch(/<td>12<\/td>/);
    const en = await s.app.inject({ url: '/studio/feeds?lang=en', headers: { cookie: admin } });
    expect(en.body).toContain('2 failures in a row');
  });

  it('shows press staff only their own feeds, and lets them add one', async () => {
    const page = await s.app.inject({ url: '/studio/feeds', headers: { cookie: pressStaff } });
    expect(page.body).toContain('https://hanbit.example/rss');
    expect(page.body).not.toContain('https://baram.example/atom.xml');
    const body = form({ _csrf: hiddenCsrf(page.body), press: 'hanbit', url: 'https://hanbit.example/economy.xml' });
    const res = await s.app.inject({
      method: 'POST',
      url: '/studio/feeds',
      payload: body.payload,
      headers: { ...body.headers, cookie: pressStaff },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/studio/feeds?notice=added');
    const urls = (await listFeeds(s.deps.db)).map((f) => f.url);
    expect(urls).toContain('https://hanbit.example/economy.xml');

    const foreign = form({ _csrf: hiddenCsrf(page.body), press: 'baram', url: 'https://evil.example/x.xml' });
    const refused = await s.app.inject({
      method: 'POST',
      url: '/studio/feeds',
      payload: foreign.payload,
      headers: { ...foreign.headers, cookie: pressStaff },
    });
    expect(refused.statusCode).toBe(403);
    const noCsrf = form({ press: 'hanbit', url: 'https://hanbit.example/x.xml' });
    const csrfRefused = await s.app.inject({
      method: 'POST',
      url: '/studio/feeds',
      payload: noCsrf.payload,
      headers: { ...noCsrf.headers, cookie: pressStaff },
    });
    expect(csrfRefused.statusCode).toBe(403);
    const badUrl = form({ _csrf: hiddenCsrf(page.body), press: 'hanbit', url: 'javascript:alert(1)' });
    const bad = await s.app.inject({
      method: 'POST',
      url: '/studio/feeds',
      payload: badUrl.payload,
      headers: { ...badUrl.headers, cookie: pressStaff },
    });
    expect(bad.headers.location).toBe('/studio/feeds?notice=badUrl');
  });

  it("lets staff ask for a poll and turn their feed off and on, not someone else's", async () => {
    const page = await s.app.inject({ url: '/studio/feeds', headers: { cookie: pressStaff } });
    const token = hiddenCsrf(page.body);
    const feeds = await listFeeds(s.deps.db);
    const own = feeds.find((f) => f.url === 'https://hanbit.example/rss')!;
    const other = feeds.find((f) => f.url === 'https://baram.example/atom.xml')!;
    const post = (id: number, action: string) => {
      const body = form({ _csrf: token, action });
      return s.app.inject({
        method: 'POST',
        url: `/studio/feeds/${id}`,
        payload: body.payload,
        headers: { ...body.headers, cookie: pressStaff },
      });
    };
    expect((await post(own.id, 'poll')).statusCode).toBe(303);
    expect((await getFeed(s.deps.db, own.id))!.next_poll_at).toBeLessThanOrEqual(Date.now());
    await post(own.id, 'disable');
    expect((await getFeed(s.deps.db, own.id))!.enabled).toBe(0);
    expect((await s.app.inject({ url: '/studio/feeds', headers: { cookie: pressStaff } })).body).toContain('꺼짐');
    await post(own.id, 'enable');
    expect((await getFeed(s.deps.db, own.id))!.enabled).toBe(1);
    expect((await post(other.id, 'disable')).statusCode).toBe(403);
    expect((await getFeed(s.deps.db, other.id))!.enabled).toBe(1);
    expect((await post(own.id, 'explode')).statusCode).toBe(422);
  });

  it('serves the published feeds through the composed app', async () => {
    const res = await s.app.inject('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<rss version="2.0"');
    expect((await s.app.inject('/robots.txt')).body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect((await s.app.inject('/sitemaps/articles-1.xml')).statusCode).toBe(200);
  });
});
