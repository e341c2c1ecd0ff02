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
  'ranking.about.title': '랭킹과 맞춤 정렬은 이렇게 정해집니다',
  'ranking.about.intro':
    '아래의 모든 수치는 소식이 실제로 쓰는 설정에서 그대로 만들어집니다. 맞춤 정렬은 로그인한 독자가 고를 때만 쓰이고, 기본 정렬은 누구에게나 같습니다.',
  'ranking.about.section.viewed': '많이 본 뉴스',
  'ranking.about.explain.viewed':
    '최근 시간대별 조회수를 더해 많은 순서로 보여 줍니다. 같은 독자(또는 방문자)의 같은 기사 조회는 하루에 한 번만 셉니다.',
  'ranking.about.section.commented': '댓글 많은 뉴스',
  'ranking.about.explain.commented':
    '최근 몇 시간 동안 공개된 댓글과 답글 수가 많은 순서입니다. 검토 중이거나 삭제된 댓글은 세지 않습니다.',
  'ranking.about.section.rising': '급상승 뉴스',
  'ranking.about.explain.rising':
    '최근 조회수를 그 전 시간대의 평소 조회 속도와 비교해, 평소보다 빨리 읽히는 기사 순서로 보여 줍니다. 점수 = (최근 조회 + 1) ÷ (평소 기대 조회 + 1).',
  'ranking.about.section.pressAside': '기사 옆 "이 언론사 많이 본 뉴스"',
  'ranking.about.explain.pressAside': '기사를 낸 언론사의 기사만으로 많이 본 뉴스를 계산합니다.',
  'ranking.about.section.forYou': '맞춤 정렬',
  'ranking.about.explain.forYou':
    '로그인한 독자가 홈에서 "맞춤"을 고르면, 아래 가중치를 곱한 항목들의 합으로 기사를 정렬합니다. 한 언론사가 한 페이지의 일정 비율을 넘지 않도록 합니다. 이미 읽은 기사는 빼고, 각 기사에 "왜 이 기사가 보이나요?"의 답을 붙입니다.',
  'ranking.about.section.forYouWeights': '맞춤 정렬의 가중치',
  'ranking.about.explain.forYouWeights':
    '각 항목은 0과 1 사이의 값이며, 가중치를 곱해 더합니다. 설명에는 점수에 가장 크게 기여한 항목이 먼저 나옵니다.',
  'ranking.about.section.counting': '조회수 집계',
  'ranking.about.explain.counting':
    '조회는 읽는 속도에 영향을 주지 않도록 메모리에 모았다가 한 번에 기록합니다. 서버가 갑자기 멈추면 마지막 기록 간격만큼의 조회가 빠질 수 있습니다.',
  'ranking.about.section.rules': '세지 않는 조회',
  'ranking.about.privacy':
    '로그인하지 않은 방문자는 날마다 바뀌는 비밀 값으로 만든 해시로만 구별하며, 전날의 비밀 값은 지웁니다. IP 주소나 브라우저 정보는 저장하지 않습니다.',
  'ranking.about.section.changes': '변경 기록',
  'ranking.rule.method':
    '페이지를 미리 받거나(HEAD, GET) 요청만 보낸 경우: 기사가 화면에 표시된 뒤 보내는 신호만 셉니다.',
  'ranking.rule.bot':
    '검색 로봇, 미리보기 수집기, 자동화 도구처럼 스스로 로봇임을 밝히는 경우와 사용자 에이전트가 없는 경우.',
  'ranking.rule.prefetch': '브라우저가 미리 불러오거나 미리 렌더링한 페이지(화면에 표시되기 전까지).',
  'ranking.rule.cross-site': '다른 사이트에서 보낸 요청.',
  'ranking.rule.no-cookie': '쿠키를 보관하지 않는 클라이언트(쿠키에는 "쿠키 보관 가능"이라는 표시만 담깁니다).',
  'ranking.param.windowHours': '집계 기간(시간)',
  'ranking.param.maxArticleAgeHours': '대상 기사(발행 후 시간)',
  'ranking.param.limit': '보여 주는 기사 수',
  'ranking.param.recentHours': '최근 구간(시간)',
  'ranking.param.baselineHours': '비교 구간(시간)',
  'ranking.param.minRecentViews': '최근 구간 최소 조회수',
  'ranking.param.pageSize': '한 페이지의 기사 수',
  'ranking.param.halfLifeHours': '최신성 반감기(시간)',
  'ranking.param.historyDays': '읽은 기록 반영 기간(일)',
  'ranking.param.pressSharePercent': '한 언론사의 최대 비율(%)',
  'ranking.param.hideRead': '읽은 기사 빼기',
  'ranking.param.subscribedPress': '구독한 언론사',
  'ranking.param.subscribedReporter': '구독한 기자',
  'ranking.param.subscribedCategory': '구독한 분야',
  'ranking.param.followedIssue': '구독한 이슈',
  'ranking.param.readIssue': '읽은 이슈',
  'ranking.param.popularInCategory': '분야 안 인기(오늘 조회수)',
  'ranking.param.freshness': '최신성',
  'ranking.param.flushSeconds': '기록 간격(초)',
} satisfies Messages;
