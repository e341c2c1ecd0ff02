// Fictional articles written for the issues tests: three stories told by several presses, in
// Korean and English, plus helpers to store them as real rows.
import type { Db } from '../db/database.ts';

export interface FixtureArticle {
  story: string;
  press: string;
  headline: string;
  body: string;
}

export const FIXTURE_ARTICLES: FixtureArticle[] = [
  {
    story: 'bridge',
    press: 'hanbit',
    headline: '[속보] 가람시 은빛대교 상판 균열…차량 통행 전면 통제',
    body: '가람시는 은빛대교 상판에서 길이 3미터의 균열이 발견돼 차량 통행을 전면 통제한다고 밝혔다. 시는 안전진단 전문가를 투입해 은빛대교 균열 원인을 조사하고 있다.',
  },
  {
    story: 'lunar',
    press: 'hanbit',
    headline: '누리별 3호 달 궤도 진입 성공…국산 탐사선 첫 쾌거',
    body: '우주항공청은 탐사선 누리별 3호가 달 궤도 진입에 성공했다고 발표했다. 누리별 3호는 앞으로 1년 동안 달 남극 주변을 관측하며 얼음 분포를 조사한다.',
  },
  {
    story: 'bridge',
    press: 'saebyeok',
    headline: '은빛대교 균열로 출근길 혼잡…가람시 우회도로 안내',
    body: '은빛대교 상판 균열로 차량 통행이 막히면서 가람시 출근길이 크게 혼잡했다. 가람시는 우회도로를 안내하고 은빛대교 안전진단 결과를 이번 주 안에 공개하겠다고 말했다.',
  },
  {
    story: 'orchestra',
    press: 'northwind',
    headline: 'Harbor City Orchestra cancels winter tour after conductor injury',
    body: 'The Harbor City Orchestra cancelled its winter tour on Monday after its principal conductor, Mira Solberg, injured her shoulder. The orchestra said refunds for the tour would be issued within two weeks.',
  },
  {
    story: 'lunar',
    press: 'saebyeok',
    headline: '국산 달 탐사선 누리별 3호, 달 궤도 안착',
    body: '국산 달 탐사선 누리별 3호가 달 궤도에 안착했다. 우주항공청은 누리별 3호가 보내온 첫 달 표면 사진을 다음 달 공개할 예정이며 달 남극 얼음 관측을 시작한다고 밝혔다.',
  },
  {
    story: 'orchestra',
    press: 'eastgate',
    headline: 'Conductor Mira Solberg injury forces Harbor City Orchestra to scrap tour',
    body: 'An injury to conductor Mira Solberg has forced the Harbor City Orchestra to scrap its winter tour. Ticket holders for the cancelled tour concerts will receive refunds, the orchestra said.',
  },
  {
    story: 'bridge',
    press: 'eastgate',
    headline: '가람시 은빛대교 균열 안전진단 착수…보수 공사 최소 두 달',
    body: '가람시가 상판 균열이 발견된 은빛대교에 대한 정밀 안전진단에 착수했다. 전문가들은 은빛대교 보수 공사에 최소 두 달이 걸릴 것으로 내다봤다. 차량 통행 통제는 계속된다.',
  },
];

export const FIXTURE_PRESSES = ['hanbit', 'saebyeok', 'northwind', 'eastgate'];

const T0 = Date.UTC(2025, 2, 3, 0, 0, 0);

/** Stores the presses and articles (one hour apart, in list order); returns article ids in order. */
export async function storeFixtures(
  db: Db,
  articles: FixtureArticle[] = FIXTURE_ARTICLES,
  start = T0,
): Promise<number[]> {
  const pressIds = new Map<string, number>();
  for (const slug of new Set(articles.map((a) => a.press))) {
    const existing = await db.selectFrom('presses').select('id').where('slug', '=', slug).executeTakeFirst();
    const id =
      existing?.id ??
      (
        await db
          .insertInto('presses')
          .values({ slug, name: slug, created_at: start })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    pressIds.set(slug, id);
  }
  const ids: number[] = [];
  for (const [i, a] of articles.entries()) {
    const time = start + i * 3_600_000;
    const row = await db
      .insertInto('articles')
      .values({
        press_id: pressIds.get(a.press)!,
        uri: `urn:test:${a.press}:${start}:${i}`,
        headline: a.headline,
        body_html: `<p>${a.body}</p>`,
        body_text: a.body,
        summary: a.body.slice(0, 80),
        lang: /[가-힣]/.test(a.headline) ? 'ko' : 'en',
        bylines: '[]',
        keywords: '[]',
        status: 'usable',
        source: 'api',
        revision: 1,
        first_created_at: time,
        updated_at: time,
        received_at: time,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}
