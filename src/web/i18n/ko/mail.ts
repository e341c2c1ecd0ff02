// Strings of the mail module: the shared footer, the templates, and the admin outbox (/studio/outbox).
import type { Messages } from '../index.ts';

export default {
  'mail.footer': '이 메일은 {site}에서 자동으로 보냈습니다. 회신하셔도 받아 볼 수 없습니다.',

  'mail.test.subject': '[{site}] 메일 설정 확인',
  'mail.test.intro': '{site}의 메일 발송 설정이 제대로 동작합니다. 이 메일이 보이면 준비가 끝난 것입니다.',
  'mail.test.action': '{site} 열기',

  'mail.verify-email.subject': '[{site}] 이메일 주소를 확인해 주세요',
  'mail.verify-email.greeting': '{name}님, 안녕하세요.',
  'mail.verify-email.intro': '{site} 가입을 마무리하려면 아래 버튼을 눌러 이 이메일 주소가 맞는지 확인해 주세요.',
  'mail.verify-email.action': '이메일 주소 확인',
  'mail.verify-email.expiry': '이 링크는 {hours}시간 동안 유효합니다.',
  'mail.verify-email.not-you':
    '가입한 적이 없다면 이 메일을 무시하셔도 됩니다. 주소가 확인되기 전에는 이 주소의 계정으로 댓글을 쓰거나 공감을 누를 수 없습니다.',

  'mail.password-reset.subject': '[{site}] 비밀번호 재설정 안내',
  'mail.password-reset.greeting': '{name}님, 안녕하세요.',
  'mail.password-reset.intro': '비밀번호 재설정 요청을 받았습니다. 아래 버튼을 눌러 새 비밀번호를 정해 주세요.',
  'mail.password-reset.action': '새 비밀번호 정하기',
  'mail.password-reset.expiry': '이 링크는 {minutes}분 동안, 한 번만 쓸 수 있습니다.',
  'mail.password-reset.not-you': '요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.',

  'mail.email-changed.subject': '[{site}] 계정 이메일 주소가 바뀌었습니다',
  'mail.email-changed.greeting': '{name}님, 안녕하세요.',
  'mail.email-changed.intro':
    '{time}에 계정의 이메일 주소가 {newEmail}(으)로 바뀌었습니다. 이 안내는 이전 주소로 보냅니다.',
  'mail.email-changed.action': '계정 보안 확인',
  'mail.email-changed.not-you': '직접 바꾸지 않았다면 바로 위 버튼을 눌러 비밀번호를 바꾸고 운영팀에 알려 주세요.',

  'mail.account-exists.subject': '[{site}] 이미 가입된 이메일 주소입니다',
  'mail.account-exists.greeting': '{name}님, 안녕하세요.',
  'mail.account-exists.intro':
    '누군가 이 이메일 주소로 {site}에 가입하려고 했습니다. 이 주소에는 이미 계정이 있어 새 계정은 만들지 않았습니다.',
  'mail.account-exists.action': '비밀번호 재설정',
  'mail.account-exists.not-you':
    '직접 시도한 것이라면 기존 계정으로 로그인하거나 비밀번호를 재설정해 주세요. 아니라면 이 메일을 무시하셔도 됩니다.',
  'mail.confirm-email.subject': '[{site}] 새 이메일 주소를 확인해 주세요',
  'mail.confirm-email.greeting': '{name}님, 안녕하세요.',
  'mail.confirm-email.intro':
    '{site} 계정의 이메일 주소를 이 주소로 바꾸려면 아래 버튼을 눌러 주세요. 누르기 전까지는 이전 주소를 그대로 씁니다.',
  'mail.confirm-email.action': '새 주소 확인',
  'mail.confirm-email.expiry': '이 링크는 {hours}시간 동안 유효합니다.',
  'mail.confirm-email.not-you': '요청하지 않았다면 이 메일을 무시하세요. 계정의 주소는 바뀌지 않습니다.',

  'mail.outbox.title': '보낸 메일',
  'mail.outbox.nav': '보낸 메일',
  'mail.outbox.transport.smtp': '메일 서버(SMTP)로 보냅니다.',
  'mail.outbox.transport.outbox':
    '메일 서버가 설정되지 않아 메일을 {dir} 폴더에 .eml 파일로 씁니다(SOSIK_SMTP_URL로 설정).',
  'mail.outbox.empty': '아직 보낸 메일이 없습니다.',
  'mail.outbox.to': '받는 사람',
  'mail.outbox.subject': '제목',
  'mail.outbox.template': '종류',
  'mail.outbox.state': '상태',
  'mail.outbox.created': '만든 시각',
  'mail.outbox.sent': '보낸 시각',
  'mail.outbox.attempts': '시도',
  'mail.outbox.lang': '언어',
  'mail.outbox.messageId': 'Message-ID',
  'mail.outbox.lastResponse': '마지막 응답',
  'mail.outbox.textPart': '텍스트 본문',
  'mail.outbox.bodyCleared': '메일 서버로 보낸 뒤 본문은 지웠습니다(재설정 링크 같은 값이 데이터베이스에 남지 않도록).',
  'mail.outbox.source': '원문(.eml)',
  'mail.outbox.download': '.eml 내려받기',
  'mail.outbox.htmlPart': 'HTML 본문 보기',
  'mail.outbox.back': '보낸 메일 목록',
  'mail.outbox.uncertainCount': '전달 여부를 알 수 없는 메일 {count}통: 확인이 필요합니다.',
  'mail.outbox.resend': '다시 보내기',
  'mail.outbox.resendHint':
    '받는 사람이 이미 받았을 수 있습니다. 같은 Message-ID로 보내므로 대부분의 메일함은 중복을 하나로 보여 줍니다.',
  'mail.state.pending': '대기',
  'mail.state.sending': '보내는 중',
  'mail.state.sent': '보냄',
  'mail.state.uncertain': '전달 불확실',
  'mail.state.failed': '실패',
  'mail.state.help.uncertain':
    '워커가 메일 서버에 넘기기 시작한 뒤, 결과를 기록하기 전에 멈췄습니다. 중복을 막기 위해 자동으로 다시 보내지 않습니다.',
  'mail.state.help.sending':
    '워커가 지금 보내고 있습니다. 워커가 멈췄다면 작업 임대 시간이 지난 뒤 “전달 불확실”로 바뀝니다.',
} satisfies Messages;
