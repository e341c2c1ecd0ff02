// Strings of the staff sign-in pages.
import type { Messages } from '../index.ts';

export default {
  'accounts.login.title': '직원 로그인',
  'accounts.login.intro': '언론사 직원과 편집자를 위한 로그인입니다. 독자 회원 가입은 아직 열리지 않았습니다.',
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
