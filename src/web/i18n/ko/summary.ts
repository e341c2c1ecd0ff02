// Korean strings of the automatic summary (요약봇) and its studio setting.
import type { Messages } from '../index.ts';

export default {
  'summary.title': '요약',
  'summary.badge': '요약봇 자동 요약',
  'summary.note': '요약봇이 기사 본문에서 자동으로 고른 문장입니다. 전체 맥락을 이해하려면 기사 전문을 읽어 주세요.',
  'summary.setting.title': '요약봇',
  'summary.setting.label': '우리 언론사 기사에 자동 요약 보이기',
  'summary.setting.help':
    '끄면 기사 페이지에 요약봇의 자동 요약이 나오지 않습니다. 오피니언, 인터뷰, 포토, 짧은 기사에는 원래 나오지 않습니다.',
  'summary.setting.save': '요약 설정 저장',
  'summary.setting.on': '지금: 자동 요약을 보입니다.',
  'summary.setting.off': '지금: 자동 요약을 보이지 않습니다.',
  'summary.setting.saved': '요약 설정을 저장했습니다.',
} satisfies Messages;
