// A small, fully known newsroom for page and browser tests, inserted straight into the tables
// (independent of the ingest path, which has its own tests). Text is fictional, written for Sosik.
import type { Db } from '../../src/db/database.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface Fixture {
  presses: { harbor: number; valley: number };
  /** The article with every part: photos, series, subheads, bylines, two categories, an update. */
  featuredId: number;
  /** Newer and older articles of the featured article's press. */
  newerId: number;
  olderId: number;
  withdrawnId: number;
  englishId: number;
  /** Ids of every usable article, newest first. */
  usableIds: number[];
  now: number;
}

export const FEATURED = {
  headline: '바닷물로 불 밝힌 해온시, 조력발전소 첫 송전',
  series: '에너지 전환 현장',
  subheadline: '시운전 석 달 만에 인근 산업단지에 전력 공급 시작',
  bylineName: '한바다 기자',
  bylineEmail: 'hanbada@harbor.example',
  photoCaption: '해온만 조력발전소 수차실에서 작업자들이 설비를 점검하고 있다.',
  photoCredit: '해온일보 사진부',
  copyright: 'ⓒ 해온일보. 무단 전재 및 재배포 금지',
  subheads: ['무엇이 달라지나', '남은 과제는'],
} as const;

function body(paragraphs: string[], subheads: string[] = []): string {
  const parts: string[] = [];
  paragraphs.forEach((p, i) => {
    parts.push(`<p>${p}</p>`);
    const sub = subheads[i];
    if (sub) parts.push(`<h3>${sub}</h3>`);
  });
  return parts.join('\n');
}

const FILLER = [
  '해온시는 올해 들어 바다를 이용한 전력 생산을 늘리겠다는 계획을 여러 차례 밝혀 왔다.',
  '주민 설명회에서는 어장 변화와 소음에 대한 질문이 이어졌고, 시는 분기마다 조사 결과를 공개하기로 했다.',
  '전문가들은 첫 성과를 반기면서도 장기적인 생태 관찰이 함께 이뤄져야 한다고 강조했다.',
];

export async function insertFixture(db: Db, now = Date.now()): Promise<Fixture> {
  const categories = new Map(
    (await db.selectFrom('categories').select(['id', 'slug']).execute()).map((c) => [c.slug, Number(c.id)]),
  );
  const press = async (slug: string, name: string, nameEn: string, description: string) =>
    Number(
      (
        await db
          .insertInto('presses')
          .values({
            slug,
            name,
            name_en: nameEn,
            homepage: `https://${slug}.example`,
            description,
            description_en: null,
            copyright: null,
            api_key_hash: null,
            api_key_prefix: null,
            created_at: now - 100 * HOUR,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const harbor = await press(
    'harbor-daily',
    '해온일보',
    'Haeon Daily',
    '해온시와 남해안 소식을 전하는 지역 일간지입니다.',
  );
  const valley = await press('valley-times', '청람타임스', 'Chungram Times', '청람 분지의 경제와 문화를 다룹니다.');

  let uriSeq = 0;
  const article = async (a: {
    press: number;
    headline: string;
    hoursAgo: number;
    categories: string[];
    series?: string;
    subheadline?: string;
    bodyHtml?: string;
    lang?: string;
    status?: 'usable' | 'withdrawn';
    revision?: number;
    updatedMinutesLater?: number;
    bylines?: unknown[];
    keywords?: string[];
    copyright?: string;
    photos?: Array<{ url: string; caption?: string; credit?: string; alt?: string; width?: number; height?: number }>;
  }) => {
    const created = now - a.hoursAgo * HOUR;
    const updated = created + (a.updatedMinutesLater ?? 0) * MINUTE;
    const html = a.bodyHtml ?? body(FILLER);
    const id = Number(
      (
        await db
          .insertInto('articles')
          .values({
            press_id: a.press,
            uri: `urn:fixture:${++uriSeq}`,
            headline: a.headline,
            subheadline: a.subheadline ?? null,
            series: a.series ?? null,
            body_html: html,
            body_text: html.replace(/<[^>]+>/g, ' '),
            summary: FILLER[0]!,
            lang: a.lang ?? 'ko',
            bylines: JSON.stringify(a.bylines ?? [{ name: '기자단' }]),
            keywords: JSON.stringify(a.keywords ?? []),
            copyright: a.copyright ?? null,
            link: null,
            status: a.status ?? 'usable',
            source: 'demo',
            revision: a.revision ?? 1,
            first_created_at: created,
            updated_at: updated,
            received_at: updated,
            withdrawn_at: a.status === 'withdrawn' ? updated : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    if (a.categories.length) {
      await db
        .insertInto('article_categories')
        .values(a.categories.map((slug) => ({ article_id: id, category_id: categories.get(slug)! })))
        .execute();
    }
    for (const [position, p] of (a.photos ?? []).entries()) {
      await db
        .insertInto('article_photos')
        .values({
          article_id: id,
          position,
          url: p.url,
          width: p.width ?? null,
          height: p.height ?? null,
          caption: p.caption ?? null,
          credit: p.credit ?? null,
          alt: p.alt ?? null,
        })
        .execute();
    }
    return id;
  };

  const olderId = await article({
    press: harbor,
    headline: '해온만 갯벌 조사단 출범, 3년간 생태 변화 기록',
    hoursAgo: 30,
    categories: ['society'],
  });
  // Filler so category and press lists need more than one page.
  const filler: number[] = [];
  for (let i = 0; i < 24; i++) {
    filler.push(
      await article({
        press: valley,
        headline: `청람 분지 소식 ${i + 1}: 골목 시장 상인회가 새 안내판을 세웠다`,
        hoursAgo: 29 - i,
        categories: i % 2 ? ['economy'] : ['economy', 'life-culture'],
        photos: i % 3 === 0 ? [{ url: '/static/demo/photos/night-market.svg', caption: '청람 골목 시장 야경' }] : [],
      }),
    );
  }
  const featuredId = await article({
    press: harbor,
    headline: FEATURED.headline,
    series: FEATURED.series,
    subheadline: FEATURED.subheadline,
    hoursAgo: 3,
    categories: ['economy', 'it-science'],
    revision: 2,
    updatedMinutesLater: 95,
    bodyHtml: body(
      [
        '해온시 앞바다에 들어선 조력발전소가 석 달간의 시운전을 마치고 처음으로 전력을 내보냈다. 밀물과 썰물의 높이 차이로 수차를 돌리는 방식이다.',
        '발전소가 내는 전력은 우선 바로 옆 산업단지의 공장 열두 곳에 공급된다. 시는 공장들의 재생에너지 사용 비율이 크게 오를 것으로 내다봤다.',
        '다만 어민들은 물길이 바뀌면서 갯벌 생태가 달라질 수 있다고 걱정한다. 시는 독립 조사단을 꾸려 변화를 기록하겠다고 밝혔다.',
      ],
      [...FEATURED.subheads],
    ),
    bylines: [
      { name: FEATURED.bylineName, email: FEATURED.bylineEmail },
      { name: '윤물결 기자', role: '사진' },
    ],
    keywords: ['조력발전', '해온시', '재생에너지'],
    copyright: FEATURED.copyright,
    photos: [
      {
        url: '/static/demo/photos/tidal-plant.svg',
        caption: FEATURED.photoCaption,
        credit: FEATURED.photoCredit,
        alt: '조력발전소 수차실 내부',
      },
      { url: '/static/demo/photos/tidal-turbine.svg', caption: '발전소 수차의 구조도', credit: '그래픽 서해진 기자' },
    ],
  });
  const newerId = await article({
    press: harbor,
    headline: '해온 마리너스, 12년 만의 우승에 항구 거리 축제',
    hoursAgo: 2,
    categories: ['sports'],
  });
  const withdrawnId = await article({
    press: harbor,
    headline: '정정 보도로 내려간 기사',
    hoursAgo: 1.5,
    categories: ['society'],
    status: 'withdrawn',
    revision: 2,
  });
  const englishId = await article({
    press: valley,
    headline: 'Chungram valley opens its first night market for tourists',
    hoursAgo: 1,
    lang: 'en',
    categories: ['life-culture'],
    bylines: [{ name: 'Mina Seo', email: 'mina@valley.example' }],
  });
  const usableIds = [englishId, newerId, featuredId, ...filler.reverse(), olderId];
  return { presses: { harbor, valley }, featuredId, newerId, olderId, withdrawnId, englishId, usableIds, now };
}
