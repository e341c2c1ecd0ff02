// Issue 14 "Every feed a press really publishes": one test per failure class, each with a feed
// written for the test, through the real poll path (safe fetch → decode → parse → shared ingest).
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../deps.ts';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { startTestServer, type TestServer } from './fetch/test-server.ts';
import { pollFeed, type PollOptions } from './poll.ts';
import { addFeed, getFeed } from './store.ts';
import { addTestPress, feedTestDeps } from './test-deps.ts';

const NOW = Date.parse('2024-10-10T00:00:00Z');
const LOCAL: PollOptions = { fetch: { allowAddresses: ['127.0.0.1'] }, now: () => NOW };
const NS =
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:content="http://purl.org/rss/1.0/modules/content/"';
const rss = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${NS}><channel><title>시험 피드</title><link>https://press.example/</link>${channel}${items}</channel></rss>`;

// What each route answers; tests set it before polling.
const bodies = new Map<string, { body: string | Buffer; type?: string }>();
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer(
    new Proxy(
      {},
      {
        get: (_t, route: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
          const answer = bodies.get(route);
          if (!answer) {
            res.statusCode = 404;
            return res.end();
          }
          if (answer.type) res.setHeader('content-type', answer.type);
          res.end(answer.body);
        },
      },
    ) as never,
  );
});
afterAll(() => srv.close());

describe.each(await testDialects())('feed classes on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let pressId: number;
  beforeEach(async () => {
    t = await createTestDb(dialect);
    deps = feedTestDeps(t);
    pressId = await addTestPress(t);
    bodies.clear();
  });
  afterEach(() => t.dispose());

  async function poll(route: string, body: string | Buffer, type?: string) {
    bodies.set(route, { body, ...(type ? { type } : {}) });
    const feed = (await addFeed(t.db, { pressId, url: srv.base + route, intervalSeconds: 600 })).feed;
    const out = await pollFeed(deps, feed, LOCAL);
    return { out, feed, again: async () => pollFeed(deps, (await getFeed(t.db, feed.id))!, LOCAL) };
  }
  const articles = () => t.db.selectFrom('articles').selectAll().orderBy('id').execute();
  const article = async (headline: string) =>
    (await t.db.selectFrom('articles').selectAll().where('headline', '=', headline).executeTakeFirst())!;
  const photosOf = async (id: number) =>
    (
      await t.db.selectFrom('article_photos').select('url').where('article_id', '=', id).orderBy('position').execute()
    ).map((p) => p.url);

  it('1. identifies items without guid, id or link by their content, and titles untitled ones from the first sentence', async () => {
    const items =
      '<item><title>식별자 없는 기사</title><description>본문만 있다</description><pubDate>Tue, 01 Oct 2024 09:00:00 +0900</pubDate></item>' +
      '<item><description>제목 없는 기사의 첫 문장이다. 둘째 문장.</description></item>';
    const { out, again } = await poll('/c1', rss(items));
    expect(out).toMatchObject({ status: 'ok', seen: 2, taken: 2 });
    expect(await again()).toMatchObject({ status: 'ok', seen: 2, taken: 0 }); // stored once, not again
    const rows = await articles();
    expect(rows.map((a) => a.headline)).toEqual(['식별자 없는 기사', '제목 없는 기사의 첫 문장이다.']);
    expect(rows[0]!.uri).toMatch(/^urn:sosik:item:sha256:/);
    expect(rows.every((a) => a.revision === 1)).toBe(true);
  });

  it('2. reads itunes:image, media:group and media:thumbnail stills, and the first body image as a last resort', async () => {
    const items =
      '<item><guid>p1</guid><title>에피소드 그림</title><description>x</description><itunes:image href="https://cdn.example/ep1.jpg"/></item>' +
      '<item><guid>p2</guid><title>유튜브</title><description>x</description><media:group><media:title>영상</media:title><media:content url="https://yt.example/v.swf" type="application/x-shockwave-flash"/><media:thumbnail url="https://i.yt.example/v/hq.jpg" width="480" height="360"/></media:group></item>' +
      '<item><guid>p3</guid><title>썸네일</title><description>x</description><media:thumbnail url="https://cdn.example/t3.jpg"/></item>' +
      '<item><guid>p4</guid><title>본문 그림</title><description>&lt;p&gt;글&lt;/p&gt;&lt;img src="/img/4.png" alt="사진"&gt;</description></item>';
    await poll('/c2', rss(items));
    expect(await photosOf((await article('에피소드 그림')).id)).toEqual(['https://cdn.example/ep1.jpg']);
    expect(await photosOf((await article('유튜브')).id)).toEqual(['https://i.yt.example/v/hq.jpg']);
    expect(await photosOf((await article('썸네일')).id)).toEqual(['https://cdn.example/t3.jpg']);
    expect(await photosOf((await article('본문 그림')).id)).toEqual(['https://press.example/img/4.png']);

    // A podcast's show artwork stands for episodes without their own.
    await poll(
      '/c2-show',
      rss(
        '<item><guid>s1</guid><title>회차</title><description>x</description></item>',
        '<itunes:image href="https://cdn.example/show.jpg"/>',
      ),
    );
    expect(await photosOf((await article('회차')).id)).toEqual(['https://cdn.example/show.jpg']);
  });

  it('3. takes a well-formed feed with no items, unread elements only or no <channel> as a healthy poll; keeps "not well-formed" for broken XML', async () => {
    const empty = await poll('/c3-empty', rss(''));
    expect(empty.out).toMatchObject({ status: 'ok', seen: 0, taken: 0 });
    const unread = await poll(
      '/c3-unread',
      '<?xml version="1.0"?><rss version="2.0"><channel><foo>bar</foo></channel></rss>',
    );
    expect(unread.out).toMatchObject({ status: 'ok', seen: 0 });
    expect(await getFeed(t.db, unread.feed.id)).toMatchObject({
      error_count: 0,
      last_error_code: null,
      last_success_at: NOW,
    });
    const atom = await poll('/c3-atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    expect(atom.out).toMatchObject({ status: 'ok', seen: 0 });
    const bare = await poll(
      '/c3-bare',
      '<?xml version="1.0"?><rss version="2.0"><item><guid>b1</guid><title>채널 없는 항목</title><description>본문</description></item></rss>',
    );
    expect(bare.out).toMatchObject({ status: 'ok', seen: 1, taken: 1 });
    const broken = await poll(
      '/c3-broken',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</titl></item></channel></rss>',
    );
    expect(broken.out).toMatchObject({ status: 'error', code: 'FEED_MALFORMED' });
    expect(broken.out.status === 'error' && broken.out.message).toContain('not well-formed');
  });

  it('4. reads bodies from xhtml:body, body, fullitem, dc:description and itunes:summary; never shows Atom base64 content', async () => {
    const items =
      '<item><guid>b1</guid><title>엑스에이치티엠엘</title><xhtml:body><xhtml:p>엑스 본문 <xhtml:b>굵게</xhtml:b></xhtml:p></xhtml:body></item>' +
      '<item><guid>b2</guid><title>바디</title><body><p>바디 본문</p></body></item>' +
      '<item><guid>b3</guid><title>풀아이템</title><fullitem>&lt;p&gt;풀아이템 본문&lt;/p&gt;</fullitem></item>' +
      '<item><guid>b4</guid><title>디씨</title><dc:description>디씨 설명 본문</dc:description></item>' +
      '<item><guid>b5</guid><title>아이튠즈</title><itunes:summary>아이튠즈 요약 본문</itunes:summary></item>';
    await poll('/c4', rss(items));
    expect((await article('엑스에이치티엠엘')).body_html).toBe('<p>엑스 본문 <b>굵게</b></p>');
    expect((await article('바디')).body_html).toBe('<p>바디 본문</p>');
    expect((await article('풀아이템')).body_html).toBe('<p>풀아이템 본문</p>');
    expect((await article('디씨')).body_text).toBe('디씨 설명 본문');
    expect((await article('아이튠즈')).body_text).toBe('아이튠즈 요약 본문');

    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>아톰</title><id>urn:f</id>
      <entry><id>urn:e1</id><title>그림 내용</title><updated>2024-10-01T00:00:00Z</updated><summary>그림에 대한 요약</summary><content type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</content></entry></feed>`;
    await poll('/c4-atom', atom);
    const pic = await article('그림 내용');
    expect(pic.body_text).toBe('그림에 대한 요약');
    expect(pic.body_html).not.toContain('iVBOR');
  });

  it('5. reads Korean date forms, zone names, compact and ordinal ISO 8601, dcterms dates; garbage is no date; old years stay', async () => {
    const dated: Array<[string, string, number]> = [
      ['오후', '<pubDate>2004-05-25 오후 11:23:17</pubDate>', Date.parse('2004-05-25T14:23:17Z')],
      ['년월일', '<pubDate>2004년 05월 28일 01:31:15</pubDate>', Date.parse('2004-05-27T16:31:15Z')],
      ['MET', '<pubDate>Thu, 01 Jan 2004 19:48:21 MET</pubDate>', Date.parse('2004-01-01T18:48:21Z')],
      ['MEST', '<pubDate>Thu, 01 Jul 2004 19:48:21 MEST</pubDate>', Date.parse('2004-07-01T17:48:21Z')],
      ['EtcGMT', '<pubDate>Thu, 01 Jan 2004 19:48:21 Etc/GMT</pubDate>', Date.parse('2004-01-01T19:48:21Z')],
      ['ET', '<pubDate>Thu, 01 Jan 2004 19:48:21 ET</pubDate>', Date.parse('2004-01-02T00:48:21Z')],
      ['PT', '<pubDate>Thu, 01 Jan 2004 19:48:21 PT</pubDate>', Date.parse('2004-01-02T03:48:21Z')],
      ['AT', '<pubDate>Thu, 01 Jan 2004 19:48:21 AT</pubDate>', Date.parse('2004-01-01T23:48:21Z')],
      ['압축', '<dc:date>031231</dc:date>', Date.parse('2003-12-30T15:00:00Z')],
      ['서수', '<dc:date>2003-335T10:00:00Z</dc:date>', Date.parse('2003-12-01T10:00:00Z')],
      ['발행', '<dcterms:issued>2004-05-25T10:00:00Z</dcterms:issued>', Date.parse('2004-05-25T10:00:00Z')],
      ['옛날', '<pubDate>Tue, 01 Jan 1985 00:00:00 GMT</pubDate>', Date.parse('1985-01-01T00:00:00Z')],
      // Garbage is no date: the item takes the time it was fetched, not a made-up day.
      ['쓰레기', '<pubDate>Sun, Dec x 2012</pubDate>', NOW],
    ];
    const items = dated
      .map(
        ([title, date]) =>
          `<item><guid>${title}</guid><title>${title}</title><description>날짜 ${title}</description>${date}</item>`,
      )
      .join('');
    await poll('/c5', rss(items));
    for (const [title, , expected] of dated)
      expect([title, (await article(title)).first_created_at]).toEqual([title, expected]);
    // dcterms:modified is the item's update time.
    await poll(
      '/c5-mod',
      rss(
        '<item><guid>m</guid><title>수정</title><description>x</description><pubDate>2024-10-01T00:00:00Z</pubDate><dcterms:modified>2024-10-02T00:00:00Z</dcterms:modified></item>',
      ),
    );
    expect(await article('수정')).toMatchObject({
      first_created_at: Date.parse('2024-10-01T00:00:00Z'),
      updated_at: Date.parse('2024-10-02T00:00:00Z'),
    });
  });

  it('6. decodes UTF-16 without a mark, UTF-32, undeclared Big5, EUC-JP and GB2312, and Windows-1252 labelled ISO-8859-1', async () => {
    const feed = (title: string, decl = '') =>
      `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${title}</title><item><guid>${title.length}</guid><title>${title}</title><description>${title} ${title}</description></item></channel></rss>`;
    const cases: Array<[string, Buffer, string?]> = [
      ['UTF-16 표제 없이 읽기', iconv.encode(feed('UTF-16 표제 없이 읽기', ' encoding="UTF-16"'), 'utf-16le')],
      ['UTF-16BE 표제', iconv.encode(feed('UTF-16BE 표제', ' encoding="UTF-16"'), 'utf-16be')],
      ['UTF-32BE 표제', iconv.encode(feed('UTF-32BE 표제', ' encoding="UTF-32"'), 'utf-32be')],
      ['UTF-32 표제', iconv.encode(feed('UTF-32 표제', ' encoding="UTF-32"'), 'utf-32le')],
      [
        '台北市政府今天宣布新的交通政策，市民對此表示歡迎。',
        iconv.encode(feed('台北市政府今天宣布新的交通政策，市民對此表示歡迎。'), 'big5'),
      ],
      [
        '東京都は新しい交通政策を発表しました。市民は歓迎しています。',
        iconv.encode(feed('東京都は新しい交通政策を発表しました。市民は歓迎しています。'), 'euc-jp'),
      ],
      [
        '北京市政府今天宣布新的交通政策，市民对此表示欢迎。',
        iconv.encode(feed('北京市政府今天宣布新的交通政策，市民对此表示欢迎。'), 'gb2312'),
      ],
      [
        '“Curly” quotes – and dashes…',
        iconv.encode(feed('“Curly” quotes – and dashes…', ' encoding="ISO-8859-1"'), 'windows-1252'),
        'text/xml; charset=iso-8859-1',
      ],
    ];
    for (const [i, [title, bytes, type]] of cases.entries()) {
      const { out } = await poll(`/c6-${i}`, bytes, type);
      expect([title, out.status]).toEqual([title, 'ok']);
      expect((await articles()).map((a) => a.headline)).toContain(title);
    }
  });

  it("7. Atom: entries without an author take the feed's; xml:base and the document URL resolve links and bodies", async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/"><title>아톰</title><id>urn:f</id><author><name>피드 기자</name></author>
      <entry><id>urn:a1</id><title>저자 없음</title><link href="posts/1"/><updated>2024-10-01T00:00:00Z</updated><content type="html">&lt;p&gt;&lt;a href="/relative/uri"&gt;링크&lt;/a&gt; &lt;img src="pic.jpg" alt="그림"&gt;&lt;/p&gt;</content></entry>
      <entry xml:base="/other/"><id>urn:a2</id><title>저자 있음</title><author><name>본인 기자</name></author><link href="2"/><updated>2024-10-01T00:00:00Z</updated><summary>요약</summary></entry></feed>`;
    await poll('/c7', atom);
    const a1 = await article('저자 없음');
    expect(JSON.parse(a1.bylines)).toEqual([{ name: '피드 기자' }]);
    expect(a1.link).toBe('https://atom.example/blog/posts/1');
    expect(a1.body_html).toContain('href="https://atom.example/relative/uri"');
    expect(a1.body_html).toContain('src="https://atom.example/blog/pic.jpg"');
    const a2 = await article('저자 있음');
    expect(JSON.parse(a2.bylines)).toEqual([{ name: '본인 기자' }]);
    expect(a2.link).toBe('https://atom.example/other/2');

    // Without xml:base, the document's own URL is the base.
    await poll(
      '/c7/doc.xml',
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:g</id><entry><id>urn:b1</id><title>문서 주소</title><link href="entry/1"/><updated>2024-10-01T00:00:00Z</updated><content type="html">&lt;a href="/x"&gt;x&lt;/a&gt;</content></entry></feed>',
    );
    const b1 = await article('문서 주소');
    expect(b1.link).toBe(`${srv.base}/c7/entry/1`);
    expect(b1.body_html).toContain(`href="${srv.base}/x"`);
  });

  it('8. RSS: a permalink guid is the link, feedburner:origLink the real link; dc:author, itunes:author/category/title and media:category are read', async () => {
    const items =
      '<item><guid>https://press.example/news/81</guid><title>퍼머링크</title><description>x</description></item>' +
      '<item><guid isPermaLink="false">https://press.example/news/82</guid><title>퍼머링크 아님</title><description>x</description></item>' +
      '<item><guid isPermaLink="false">fb-83</guid><title>피드버너</title><link>https://feeds.feedburner.example/~r/press/~3/83</link><feedburner:origLink>https://press.example/news/83</feedburner:origLink><description>x</description></item>' +
      '<item><guid>p84</guid><itunes:title>아이튠즈 제목</itunes:title><description>x</description><itunes:author>진행자</itunes:author><dc:author>디씨 저자</dc:author><itunes:category text="Technology"/><media:category>과학</media:category></item>';
    await poll('/c8', rss(items));
    expect((await article('퍼머링크')).link).toBe('https://press.example/news/81');
    expect((await article('퍼머링크 아님')).link).toBeNull();
    const fb = await article('피드버너');
    expect(fb.link).toBe('https://press.example/news/83');
    // The audit copy keeps what was read beside feedsmith.
    const original = await t.db
      .selectFrom('article_revisions')
      .select('original')
      .where('article_id', '=', fb.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(original.original).item.sosikExtras.origLink).toBe('https://press.example/news/83');
    const pod = await article('아이튠즈 제목');
    expect(JSON.parse(pod.bylines)).toEqual([{ name: '디씨 저자' }, { name: '진행자' }]);
    expect(JSON.parse(pod.keywords)).toEqual(['과학', 'Technology']);
  });

  it('9. items sharing a guid with distinct links are distinct articles, in either order; a guid of its own keeps its article when the link changes', async () => {
    const twins = (a: string, b: string) =>
      rss(
        `<item><guid>same</guid><title>${a}</title><link>https://press.example/${a}</link><description>${a}</description></item><item><guid>same</guid><title>${b}</title><link>https://press.example/${b}</link><description>${b}</description></item>`,
      );
    const ab = await poll('/c9-ab', twins('first', 'second'));
    expect((await articles()).map((a) => a.headline)).toEqual(['first', 'second']);
    // The same two items in the other order are still the same two articles.
    bodies.set('/c9-ab', { body: twins('second', 'first') });
    expect(await ab.again()).toMatchObject({ status: 'ok', seen: 2, taken: 0 });
    await poll('/c9-ba', twins('fourth', 'third').replace(/same/g, 'other'));
    expect((await articles()).map((a) => a.headline)).toEqual(['first', 'second', 'fourth', 'third']);
    // The other direction: one guid and one link twice is one item, stored once.
    const dup =
      '<item><guid>dup</guid><title>중복</title><link>https://press.example/dup</link><description>같은 항목</description></item>';
    await poll('/c9-dup', rss(dup + dup));
    expect((await articles()).filter((a) => a.headline === '중복')).toHaveLength(1);

    const { again } = await poll(
      '/c9-move',
      rss(
        '<item><guid>mine</guid><title>옮긴 기사</title><link>https://press.example/old</link><description>본문</description></item>',
      ),
    );
    bodies.set('/c9-move', {
      body: rss(
        '<item><guid>mine</guid><title>옮긴 기사</title><link>https://press.example/new</link><description>본문</description></item>',
      ),
    });
    expect(await again()).toMatchObject({ status: 'ok', taken: 1 });
    const moved = (await articles()).filter((a) => a.headline === '옮긴 기사');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ link: 'https://press.example/new', revision: 2 });
  });

  it('10. titles with ">" in attributes or comments come out clean; iframe and object fallback text is kept', async () => {
    const items =
      '<item><guid>t1</guid><title>&lt;img src="x.png" alt="a &gt; b"&gt;dog</title><description>x</description></item>' +
      '<item><guid>t2</guid><title><![CDATA[safe<!-- hidden -->]]></title><description>x</description></item>' +
      '<item><guid>t3</guid><title>대체 글</title><description><![CDATA[<p>앞</p><iframe src="https://video.example/1">영상을 볼 수 없으면 <a href="https://video.example/1">여기</a></iframe><object data="a.swf"><param name="x" value="y">플래시 대신 글</object>]]></description></item>';
    await poll('/c10', rss(items));
    const heads = (await articles()).map((a) => a.headline);
    expect(heads).toEqual(['dog', 'safe', '대체 글']);
    const fallback = await article('대체 글');
    expect(fallback.body_text).toContain('영상을 볼 수 없으면 여기');
    expect(fallback.body_text).toContain('플래시 대신 글');
    expect(fallback.body_html).not.toMatch(/<iframe|<object|<param/);
  });
});
