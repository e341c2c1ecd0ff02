// Korean strings of an article's corrections: the note on the article page and /articles/:id/revisions.
import type { Messages } from '../index.ts';

export default {
  'articles.corrected': '수정됨 · {n}회',
  'articles.revisions.title': '수정 기록: {headline}',
  'articles.revisions.heading': '수정 기록:',
  'articles.revisions.back': '기사로 돌아가기',
  'articles.revisions.lead':
    '{press|이/가} 이 기사를 처음 실은 뒤 {n}회 고쳤습니다. 판마다 바로 앞 판과 달라진 제목과 본문을 낱말 단위로 보여 드립니다.',
  'articles.revisions.none': '{press|이/가} 처음 실은 뒤 고치지 않은 기사입니다.',
  'articles.revisions.only-newest': '가장 최근 {n}개 판만 보여 드립니다.',
  'articles.revisions.legend-added': '추가된 말',
  'articles.revisions.legend-removed': '삭제된 말',
  'articles.revisions.first': '제{n}판 (처음 실린 기사)',
  'articles.revisions.numbered': '제{n}판',
  'articles.revisions.headline': '제목',
  'articles.revisions.body': '본문',
  'articles.revisions.added': '추가됨',
  'articles.revisions.added-end': '추가 끝',
  'articles.revisions.removed': '삭제됨',
  'articles.revisions.removed-end': '삭제 끝',
  'articles.revisions.cut': '(바뀌지 않은 부분 생략)',
  'articles.revisions.unchanged': '바뀌지 않음',
  'articles.revisions.body-unchanged': '본문은 바뀌지 않았습니다.',
  'articles.revisions.rewritten': '본문이 많이 바뀌어 이 판의 본문 전체를 보여 드립니다.',
  'articles.revisions.withdrawn': '이 판에서 언론사가 기사를 내렸습니다.',
} satisfies Messages;
