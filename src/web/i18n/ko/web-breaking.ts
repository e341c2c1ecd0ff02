// Korean strings of the breaking-news banner (layout).
import type { Messages } from '../index.ts';

export default {
  'web.breaking.label': '속보',
  'web.breaking.dismiss': '속보 알림 닫기',
} satisfies Messages;
