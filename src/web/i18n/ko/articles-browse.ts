// Korean strings of the pages that browse across presses (/latest, /press) and of the article
// page's listen and share controls.
import type { Messages } from '../index.ts';

export default {
  'articles.latest.title': '최신 기사',
  'articles.latest.title-in': '{category} 최신 기사',
  'articles.latest.description': '{site}에 실린 모든 언론사의 기사를 최신순으로 봅니다.',
  'articles.latest.filter': '분야로 거르기',
  'articles.latest.all': '전체',
  'articles.latest.more': '최신 기사 더보기',
  'articles.presses.title': '언론사',
  'articles.presses.description': '{site}에 기사를 싣는 언론사 목록',
  'articles.presses.note': '{count}개 언론사가 {site}에 기사를 싣습니다.',
  'articles.presses.count': '기사 {count}건',
  'articles.presses.feeds': '{press} 피드',
  'articles.presses.empty': '아직 등록된 언론사가 없습니다.',
  'articles.presses.all': '전체 언론사 보기',
  'articles.tools.listen': '본문 듣기',
  'articles.tools.listen-stop': '듣기 멈춤',
  'articles.tools.share': '공유하기',
  'articles.keywords.search': '‘{keyword}’ 검색',
} satisfies Messages;
