// Strings of the sign-in page (staff and readers) and the staff bar.
import type { Messages } from '../index.ts';

export default {
  'accounts.login.title': '로그인',
  'accounts.login.intro': '독자 회원과 언론사 직원·편집자 모두 여기에서 로그인합니다.',
  'accounts.login.remember': '로그인 상태 유지',
  'accounts.login.forgot': '비밀번호를 잊으셨나요?',
  'accounts.login.signup': '회원 가입',
  'accounts.login.notice.password-reset':
    '비밀번호를 바꿨습니다. 다른 기기의 로그인은 모두 끝났습니다. 새 비밀번호로 로그인해 주세요.',
  'accounts.login.notice.signed-out-everywhere': '모든 기기에서 로그아웃했습니다.',
  'accounts.login.notice.account-deleted': '계정을 삭제했습니다. 그동안 이용해 주셔서 고맙습니다.',
  'accounts.login.notice.email-verified': '이메일 주소를 확인했습니다. 로그인해 주세요.',
  'accounts.login.email': '이메일',
  'accounts.login.password': '비밀번호',
  'accounts.login.submit': '로그인',
  'accounts.login.failed': '이메일 또는 비밀번호가 맞지 않습니다.',
  'accounts.login.rateLimited': '로그인 시도가 너무 많습니다. {minutes}분 뒤에 다시 시도해 주세요.',
  'accounts.login.missing': '이메일과 비밀번호를 모두 입력해 주세요.',
  'accounts.logout': '로그아웃',
  'accounts.signedInAs': '{name} 님 로그인 중',
  'accounts.role.admin': '관리자',
  'accounts.role.editor': '편집자',
  'accounts.role.press': '언론사',
} satisfies Messages;
