import type { Messages } from '../index.ts';

export default {
  'reporters.page.title': '{name} 기자 ({press})',
  'reporters.page.heading': '{name} 기자',
  'reporters.page.description': '{press} {name} 기자의 기사를 최신순으로 모았습니다.',
  'reporters.page.empty': '아직 볼 수 있는 기사가 없습니다.',
  'reporters.page.more': '이전 기사',
  'reporters.page.older': '이전 기사 더 보기',
  'reporters.studio.nav': '기자',
  'reporters.studio.title': '기자 관리',
  'reporters.studio.press': '언론사',
  'reporters.studio.show': '보기',
  'reporters.studio.caption': '{press}의 기자',
  'reporters.studio.name': '이름',
  'reporters.studio.articles': '기사 수',
  'reporters.studio.rename': '표시 이름',
  'reporters.studio.display-name': '{name} 기자의 표시 이름',
  'reporters.studio.save': '저장',
  'reporters.studio.merge': '합치기',
  'reporters.studio.merge-into': '{name} 기자를 합칠 대상',
  'reporters.studio.empty': '아직 기자가 없습니다. 바이라인이 있는 기사가 들어오면 생깁니다.',
} satisfies Messages;
