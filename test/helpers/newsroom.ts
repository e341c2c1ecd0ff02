// A press and its articles through the real ingest path (ninjs → ArticleInput → ingestArticle),
// for tests of what follows an article change: summaries, corrections, withdrawal, 속보.
import { ingestArticle, type IngestResult } from '../../src/articles/index.ts';
import type { AppDeps } from '../../src/deps.ts';
import { createPress, ninjsToArticle } from '../../src/press/index.ts';

/** A long, plainly summarizable news story (fictional), nine one-sentence paragraphs. */
export const LONG_STORY = [
  '해온시가 해온만 조력발전소의 첫 상업 운전을 시작했다고 1일 밝혔다.',
  '발전소는 밀물과 썰물의 높이 차를 이용해 수차발전기 10기를 돌리며, 설비용량은 26만㎾로 인근 산업단지 전력의 절반을 맡는다.',
  '시는 착공 6년 만에 준공한 이 발전소가 해마다 온실가스 31만t을 줄일 것으로 내다봤다.',
  '방조제 위 관람석에서 시운전을 지켜본 시민 2천여 명은 출력 숫자가 오르자 박수를 보냈다.',
  '어민들은 갯벌 생태와 어장 변화에 대한 조사를 계속해 달라고 요구했고, 시는 분기마다 조사 결과를 공개하기로 했다.',
  '전문가들은 조력발전이 날씨와 상관없이 전력을 예측할 수 있다는 점을 장점으로 꼽으면서도 장기 관찰이 필요하다고 말했다.',
  '해온시는 내년까지 발전소 옆에 에너지 교육관을 열고 시민 견학 프로그램을 운영할 계획이다.',
  '발전소 운영을 맡은 해온조력에너지는 첫해 발전량을 5억5천만㎾h로 잡고, 생산한 전력은 모두 지역 배전망에 공급한다고 설명했다.',
  '정부는 해온만 사례를 바탕으로 서해안의 다른 만에서도 조력발전 타당성 조사를 벌일지 검토하고 있다.',
];

export function storyHtml(paragraphs: readonly string[] = LONG_STORY): string {
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

export async function addPress(deps: Pick<AppDeps, 'db'>, slug: string, name: string): Promise<number> {
  const { press } = await createPress(deps, { slug, name });
  return press.id;
}

/** Delivers one ninjs item (2.x keys) as the press API would. */
export async function deliver(
  deps: AppDeps,
  pressId: number,
  item: Record<string, unknown>,
  now?: number,
): Promise<IngestResult> {
  const input = ninjsToArticle({ type: 'text', language: 'ko', pubstatus: 'usable', ...item });
  return ingestArticle(deps, { pressId, source: 'api', input, original: item, now });
}
