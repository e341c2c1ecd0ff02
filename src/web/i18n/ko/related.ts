import type { Messages } from '../index.ts';

export default {
  'related.title': '관련 기사',
  'related.reason.issue': '같은 이슈',
  'related.reason.reporter': '같은 기자',
  'related.reason.similar': '비슷한 내용',
} satisfies Messages;
