// Korean strings of the studio's 속보 (breaking news) flag on an article.
import type { Messages } from '../index.ts';

export default {
  'studio.breaking.title': '속보',
  'studio.breaking.none': '속보가 아닙니다. 속보로 표시하면 한 시간 동안 모든 페이지 위쪽 띠에 나옵니다.',
  'studio.breaking.urgent': '언론사가 긴급도 {urgency}로 보내 속보입니다.',
  'studio.breaking.flagged': '스튜디오에서 속보로 표시했습니다.',
  'studio.breaking.flag': '속보로 표시',
  'studio.breaking.unflag': '속보 표시 해제',
} satisfies Messages;
