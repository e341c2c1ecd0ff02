// Fictional reports written for the cold-start tests: three presses tell one local event (same
// place, same line, same day) in their own words, and one unrelated story arrives in between. On a
// newly started portal these are the only articles the clustering has ever seen.
import type { FixtureArticle } from './test-fixtures.ts';

export const SAME_EVENT_REPORTS: FixtureArticle[] = [
  {
    story: 'tram',
    press: 'gaon-daily',
    headline: '미루시 트램 2호선 단전…출근길 승객 300명 발 묶여',
    body: '오늘 오전 미루시 트램 2호선 솔밭역 부근에서 전력 공급이 끊겨 열차가 40분 동안 움직이지 못했다. 출근하던 시민들은 회사에 늦는다는 연락을 돌리느라 분주했다.',
  },
  {
    story: 'tram',
    press: 'saemal-news',
    headline: '2호선 트램 40분 멈춤, 원인은 변전 설비',
    body: '미루교통공사는 솔밭역 변전 설비 고장으로 2호선 운행이 중단됐다고 밝혔다. 공사는 설비를 교체한 뒤 운행을 다시 시작했으며 비슷한 고장을 막을 점검 계획을 내놓겠다고 했다.',
  },
  {
    story: 'orchard',
    press: 'gaon-daily',
    headline: '산청 사과 농가, 올해 첫 수확…당도 높아 가격 기대',
    body: '산청 지역 사과 농가들이 올해 첫 수확에 들어갔다. 여름 일조량이 많아 당도가 예년보다 높다는 평가가 나오며 농민들은 좋은 가격을 기대하고 있다.',
  },
  {
    story: 'tram',
    press: 'haneul-tv',
    headline: '"선로 걸어서 탈출"…미루 트램 정전 사고',
    body: '오늘 아침 미루 트램이 솔밭역 근처에서 정전으로 서 버리자 승객 300명이 열차에서 내려 선로를 걸었습니다. 다친 사람은 없었고 열차는 40분 만에 다시 달렸습니다.',
  },
];
