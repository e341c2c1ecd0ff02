// Strings of reader accounts: password and nickname rules, e-mail links, sign-in with an identity provider.
import type { Messages } from '../index.ts';

export default {
  'readers.password.too_short': '비밀번호는 10자 이상이어야 합니다.',
  'readers.password.too_long': '비밀번호는 256자를 넘을 수 없습니다.',
  'readers.password.repetitive': '같은 글자나 짧은 묶음을 되풀이한 비밀번호는 쓸 수 없습니다.',
  'readers.password.common': '너무 흔히 쓰이는 비밀번호입니다. 다른 사람이 쉽게 짐작할 수 없는 문장이나 단어 조합을 써 주세요.',
  'readers.password.contains_email': '비밀번호에 이메일 주소의 아이디 부분을 넣을 수 없습니다.',
  'readers.password.contains_nickname': '비밀번호에 닉네임을 넣을 수 없습니다.',
  'readers.nickname.too_short': '닉네임은 2자 이상이어야 합니다.',
  'readers.nickname.too_long': '닉네임은 20자를 넘을 수 없습니다.',
  'readers.nickname.invalid_characters': '닉네임에는 한글, 영문, 숫자와 밑줄(_)만 쓸 수 있습니다.',
  'readers.nickname.reserved': '운영진이나 사이트로 오해될 수 있는 닉네임은 쓸 수 없습니다.',
  'readers.nickname.press_name': '언론사로 오해될 수 있는 닉네임은 쓸 수 없습니다.',
  'readers.nickname.taken': '이미 쓰이고 있는 닉네임입니다.',
  'readers.token.invalid': '링크가 올바르지 않습니다. 받은 메일의 링크를 그대로 열어 주세요.',
  'readers.token.expired': '링크의 유효 시간이 지났습니다. 새 메일을 요청해 주세요.',
  'readers.token.used': '이미 사용한 링크입니다.',
  'readers.oidc.sign-in-with': '{name} 계정으로 로그인',
  'readers.oidc.email_unverified': '{name}에서 이메일 주소가 인증되지 않아 가입할 수 없습니다. 이메일 인증을 마친 뒤 다시 시도해 주세요.',
  'readers.oidc.email_missing': '{name}에서 이메일 주소를 받지 못해 가입할 수 없습니다.',
  'readers.oidc.state_mismatch': '로그인 요청이 만료되었거나 다른 창에서 시작되었습니다. 다시 시도해 주세요.',
  'readers.oidc.denied': '{name} 로그인이 취소되었습니다.',
  'readers.oidc.failed': '{name} 로그인을 마치지 못했습니다. 잠시 뒤 다시 시도해 주세요.',
  'readers.oidc.unavailable': '지금은 {name}에 연결할 수 없습니다. 잠시 뒤 다시 시도해 주세요.',
  'readers.rate-limited': '요청이 너무 많습니다. {minutes}분 뒤에 다시 시도해 주세요.',
} satisfies Messages;
