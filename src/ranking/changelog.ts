// Changes to how rankings and "for you" are made, newest first, as /about/ranking shows them.
// Add an entry in the same commit as any change to parameters.ts, bots.ts or for-you.ts.
export interface RankingChange {
  /** ISO date (Korean time) the change took effect. */
  date: string;
  ko: string;
  en: string;
}

export const RANKING_CHANGES: readonly RankingChange[] = [
  {
    date: '2026-12-01',
    ko: '랭킹(많이 본 뉴스, 댓글 많은 뉴스, 급상승 뉴스)과 로그인 독자의 ‘맞춤’ 홈 정렬을 시작했습니다. 모든 수치와 가중치를 이 페이지에 공개합니다.',
    en: 'Rankings (most viewed, most commented, fastest rising) and the ‘for you’ home order for signed-in readers began. Every figure and weight is published on this page.',
  },
];
