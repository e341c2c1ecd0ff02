import fs from 'node:fs';
import path from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../feed-error.ts';
import { decodeFeedBytes } from './decode.ts';
import { parseFeedDate } from './dates.ts';
import { parseFeedText } from './parse-feed.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name));
const parseFixture = (name: string, contentType?: string) =>
  parseFeedText(decodeFeedBytes(fixture(name), contentType).text, { now: Date.UTC(2024, 9, 10) });

function refusal(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeedText: formats', () => {
  it('RSS 2.0 with content:encoded, dc:creator, categories, media:content and enclosures', () => {
    const feed = parseFixture('rss2.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('한빛일보 - 전체기사');
    const [a, b] = feed.items;
    expect(a!.id).toBe('hanbit-1001');
    expect(a!.bodyHtml).toContain('노선 42개');
    expect(a!.summary).toBe('요약: 푸른시가 시내버스 노선을 개편한다.');
    expect(a!.authors).toEqual(['김하늘 기자']);
    expect(a!.categories).toEqual(['사회', '교통']);
    expect(a!.published).toBe(Date.parse('2024-10-01T00:30:00Z'));
    expect(a!.images).toEqual([
      {
        url: 'https://img.hanbit-daily.example/1001.jpg',
        caption: '푸른시 시내버스 차고지 모습',
        credit: '한빛일보 사진부',
        width: 800,
        height: 533,
      },
    ]);
    expect(a!.lang).toBe('ko-KR');
    // No guid: the (resolved) link identifies the item; KST is UTC+9; audio enclosures are not photos.
    expect(b!.id).toBe('https://hanbit-daily.example/news/1002');
    expect(b!.link).toBe('https://hanbit-daily.example/news/1002');
    expect(b!.published).toBe(Date.parse('2024-10-01T01:00:00Z'));
    expect(b!.categories).toEqual(['경제']);
    expect(b!.authors).toEqual(['이바다']);
    expect(b!.images.map((i) => i.url)).toEqual(['https://img.hanbit-daily.example/1002.png']);
  });

  it('RSS 1.0 (RDF)', () => {
    const feed = parseFixture('rdf.xml');
    expect(feed.format).toBe('rdf');
    const [item] = feed.items;
    expect(item!.id).toBe('https://saebyeok.example/a/77');
    expect(item!.bodyHtml).toContain('궤도 진입');
    expect(item!.authors).toEqual(['박별 기자']);
    expect(item!.categories).toEqual(['IT/과학']);
    expect(item!.published).toBe(Date.parse('2024-10-01T23:00:00Z'));
  });

  it('Atom 1.0 with html and text constructs', () => {
    const feed = parseFixture('atom.xml');
    expect(feed.format).toBe('atom');
    const [a, b] = feed.items;
    expect(a!.title).toBe('단독 별빛구 도서관 24시간 개방');
    expect(a!.id).toBe('tag:baram.example,2024:story-5');
    expect(a!.link).toBe('https://baram.example/story/5');
    expect(a!.bodyHtml).toBe('<p>별빛구 중앙도서관이 이달부터 24시간 문을 연다.</p>');
    expect(a!.categories).toEqual(['생활/문화']);
    expect(a!.authors).toEqual(['최구름']);
    expect(a!.images).toEqual([{ url: 'https://baram.example/img/5.webp', caption: '밤의 도서관' }]);
    expect(a!.updated).toBe(Date.parse('2024-10-03T01:00:00Z'));
    // type="text" content is text, so its angle brackets are escaped, not markup.
    expect(b!.bodyHtml).toBe('<p>First paragraph &lt;not a tag&gt;.</p>\n<p>Second paragraph.</p>');
    expect(b!.categories).toEqual(['world']);
  });

  it('JSON Feed 1.1 and 1.0', () => {
    const feed = parseFixture('jsonfeed-1.1.json');
    expect(feed.format).toBe('json');
    const [a, b] = feed.items;
    expect(a!.id).toBe('mj-300');
    expect(a!.categories).toEqual(['스포츠', '축구']);
    expect(a!.authors).toEqual(['정바람 기자']);
    expect(a!.images.map((i) => i.url)).toEqual([
      'https://mujigae.example/i/300.jpg',
      'https://mujigae.example/i/300-2.jpg',
    ]);
    expect(a!.updated).toBe(Date.parse('2024-10-04T04:00:00Z'));
    expect(a!.lang).toBe('ko');
    expect(b!.bodyHtml).toBe('<p>첫 문단입니다.</p>\n<p>둘째 문단 &lt;b&gt;태그 아님&lt;/b&gt;.</p>');
    const old = parseFixture('jsonfeed-1.0.json');
    expect(old.items[0]!.title).toBe('버전 1.0 기사');
    expect(old.items[0]!.published).toBe(Date.parse('2024-10-05T00:00:00Z'));
  });
});

describe('decoding', () => {
  it('reads CP949 bytes declared as EUC-KR, including characters outside EUC-KR', () => {
    const decoded = decodeFeedBytes(fixture('rss2-cp949.xml'), 'text/xml');
    expect(decoded.via).toBe('declared');
    const feed = parseFeedText(decoded.text);
    expect(feed.items[0]!.title).toBe('똠방각하 갂돌이 마을 축제 개막');
    expect(feed.items[0]!.bodyHtml).toContain('햏햏 뷁!');
  });

  it('reads CP949 bytes even when header and declaration both claim UTF-8', () => {
    const decoded = decodeFeedBytes(fixture('rss2-cp949-labelled-utf8.xml'), 'application/rss+xml; charset=UTF-8');
    expect(decoded.encoding).toBe('cp949');
    expect(parseFeedText(decoded.text).title).toBe('옛골신문');
  });

  it('keeps valid UTF-8 as UTF-8 when the header claims EUC-KR', () => {
    const decoded = decodeFeedBytes(fixture('rss2.xml'), 'text/xml; charset=euc-kr');
    expect(decoded.via).toBe('utf-8');
    expect(parseFeedText(decoded.text).title).toBe('한빛일보 - 전체기사');
  });

  it('honours a byte-order mark over everything', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('rss2.xml')]);
    expect(decodeFeedBytes(bom, 'text/xml; charset=euc-kr').via).toBe('bom');
    expect(parseFeedText(decodeFeedBytes(bom).text).items).toHaveLength(2);
  });
});

describe('hostile and broken feeds', () => {
  it('refuses billion laughs quickly', () => {
    const started = Date.now();
    expect(refusal(() => parseFixture('billion-laughs.xml')).code).toBe('FEED_ENTITIES_REFUSED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses quadratic blow-up', () => {
    const big = 'x'.repeat(100_000);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${big}">]><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>${'&a;'.repeat(100_000)}</title></item></channel></rss>`;
    expect(refusal(() => parseFeedText(xml)).code).toBe('FEED_ENTITIES_REFUSED');
  });

  it('finds the DTD however much prolog comes before it', () => {
    const padded = fs
      .readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'billion-laughs.xml'), 'utf8')
      .replace('<!DOCTYPE', `<!--${' '.repeat(200_000)}--><?pi x?>\n<!DOCTYPE`);
    expect(refusal(() => parseFeedText(padded)).code).toBe('FEED_ENTITIES_REFUSED');
  });

  it('refuses external entities (XXE), and never leaks the file', () => {
    const err = refusal(() => parseFixture('xxe.xml'));
    expect(err.code).toBe('FEED_ENTITIES_REFUSED');
    expect(err.message).not.toContain('root:');
  });

  it('the parser itself does not expand entities either (defence in depth)', () => {
    // Were the guard bypassed, feedsmith keeps entity references literal rather than expanding them.
    const started = Date.now();
    const out = parseRssFeed(fixture('billion-laughs.xml').toString());
    expect(out.title).toBe('&lol9;');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('accepts an RSS 0.91 public DTD reference and articles that quote "<!ENTITY"', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>t</title><link>https://x.example/</link><item><title>XML 보안</title><link>https://x.example/1</link><description><![CDATA[<p>공격자는 <!ENTITY 선언을 쓴다</p>]]></description></item></channel></rss>`;
    const feed = parseFeedText(xml);
    expect(feed.items[0]!.bodyHtml).toContain('<!ENTITY');
  });

  it('reports malformed XML, HTML pages, non-feeds and invalid JSON', () => {
    expect(refusal(() => parseFixture('malformed.xml')).code).toBe('FEED_MALFORMED');
    const html = refusal(() => parseFixture('html-page.html'));
    expect(html.code).toBe('FEED_NOT_A_FEED');
    expect(html.message).toContain('https://hanbit-daily.example/rss.xml');
    expect(refusal(() => parseFeedText('<?xml version="1.0"?><note><to>x</to></note>')).code).toBe('FEED_NOT_A_FEED');
    expect(refusal(() => parseFeedText('hello')).code).toBe('FEED_NOT_A_FEED');
    expect(refusal(() => parseFeedText('')).code).toBe('FEED_NOT_A_FEED');
    expect(refusal(() => parseFeedText('{"version": "https://jsonfeed.org/version/1.1", ')).code).toBe(
      'FEED_MALFORMED',
    );
  });

  it('gives sensible defaults for missing titles and invalid dates, identifies items by content, drops empty ones', () => {
    const now = Date.UTC(2024, 9, 10);
    const feed = parseFeedText(fixture('odd-items.xml').toString(), { now });
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    const untitled = byId.get('https://odd.example/no-title')!;
    expect(untitled.title).toBe('제목이 없는 기사입니다.');
    expect(untitled.titleDerived).toBe(true);
    expect(untitled.published).toBeUndefined();
    expect(byId.get('odd-future')!.published).toBeUndefined();
    expect(byId.get('odd-local')!.published).toBe(Date.parse('2024-10-01T00:00:00Z'));
    // No guid and no link: identified by a digest of its content (issue 14, class 1).
    const anonymous = feed.items.find((i) => i.title === '아무 식별자도 없음')!;
    expect(anonymous.id).toMatch(/^urn:sosik:item:sha256:[0-9a-f]{40}$/);
    expect(
      parseFeedText(fixture('odd-items.xml').toString(), { now }).items.find((i) => i.title === '아무 식별자도 없음')!
        .id,
    ).toBe(anonymous.id);
    expect(feed.items).toHaveLength(4);
    expect(feed.skipped).toBe(1); // the item with a guid and nothing else
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 01 Oct 2024 09:30:00 +0900', Date.parse('2024-10-01T00:30:00Z')],
    ['2024-10-01T09:30:00+09:00', Date.parse('2024-10-01T00:30:00Z')],
    ['2024.10.01 09:30', Date.parse('2024-10-01T00:30:00Z')],
    ['garbage', undefined],
    ['', undefined],
    ['Mon, 01 Jan 1900 00:00:00 GMT', Date.UTC(1900, 0, 1)], // years before 1990 are kept
    ['2024-10-01T09:30:00 KST', Date.parse('2024-10-01T00:30:00Z')],
    ['2024.10.01 09:30:00 KST', Date.parse('2024-10-01T00:30:00Z')],
    ['October 1, 2024 9:30 PM GMT', Date.parse('2024-10-01T21:30:00Z')],
    ['Wed, 2 Oct 02 08:00 +0000 (UTC)', Date.parse('2002-10-02T08:00:00Z')],
    ['Sun Dec 16 20:00:00 2012', Date.parse('2012-12-16T11:00:00Z')], // asctime, no zone: UTC+9
    ['Tue, 01 Oct 2024 09:30:00 Etc/GMT-9', Date.parse('2024-10-01T00:30:00Z')], // POSIX sign
    ['20031231T101455Z', Date.parse('2003-12-31T10:14:55Z')],
    ['2003-12-31T10:14:55.123-08:00', Date.parse('2003-12-31T18:14:55.123Z')],
    ['2004-02-30', undefined], // no such day
    ['0000-00-00 00:00:00', undefined],
    ['Sun, Dec x 2012', undefined], // Date.parse says 2012-12-01
    ['Tue, 01 Oct 2024 25:00:00 GMT', undefined],
    ['어제 오후', undefined],
  ])('%s', (raw, expected) => {
    expect(parseFeedDate(raw, Date.UTC(2030, 0, 1))).toBe(expected);
  });
});
