import type { Messages } from '../index.ts';

export default {
  'ranking.title': '랭킹',
  'ranking.title.scoped': '{scope} 랭킹',
  'ranking.kinds': '랭킹 종류',
  'ranking.categories': '분야',
  'ranking.presses': '언론사',
  'ranking.all': '전체',
  'ranking.kind.viewed': '많이 본 뉴스',
  'ranking.kind.commented': '댓글 많은 뉴스',
  'ranking.kind.rising': '급상승 뉴스',
  'ranking.empty': '아직 집계된 기사가 없습니다.',
  'ranking.why.viewed': '최근 {hours}시간 조회 {n}회',
  'ranking.why.commented': '최근 {hours}시간 댓글 {n}개',
  'ranking.why.rising': '최근 {hours}시간 조회 {n}회, 평소의 {ratio}배',
  'ranking.aside.title': '{press} 많이 본 뉴스',
  'ranking.aside.more': '이 언론사 랭킹 더 보기',
  'ranking.about.link': '랭킹은 어떻게 정해지나요?',
} satisfies Messages;
