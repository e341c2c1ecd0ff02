import { describe, expect, it } from 'vitest';
import { t } from '../web/i18n/index.ts';
import {
  checkPassword,
  loadCommonPasswords,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordRefusalMessageKey,
  type PasswordRefusal,
} from './password-policy.ts';

const refusal = async (password: string, context = {}) => {
  const verdict = await checkPassword(password, context);
  return verdict.ok ? 'ok' : verdict.reason;
};

describe('reader password policy', () => {
  it('accepts a long passphrase nobody has leaked', async () => {
    expect(await refusal('correct horse battery staple')).toBe('ok');
    expect(await refusal('바다가 보이는 창가에서', { email: 'kim@example.kr', nickname: '바다' })).toBe('ok');
  });

  it('needs at least 10 characters, counted as a person counts them', async () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(await refusal('Xk9#vQ2!m')).toBe('too_short');
    expect(await refusal('Xk9#vQ2!mZ')).toBe('ok');
    // Nine Hangul syllables are 27 UTF-8 bytes but nine characters.
    expect(await refusal('가나다라마바사아자')).toBe('too_short');
    // A decomposed (NFD) syllable is one character too.
    expect(await refusal('한'.normalize('NFD').repeat(9))).toBe('too_short');
  });

  it('caps the length so hashing one password stays cheap', async () => {
    expect(await refusal('a1B2c3D4e5'.repeat(MAX_PASSWORD_LENGTH / 10 + 1))).toBe('too_long');
  });

  it('refuses the common passwords, whatever the case or width', async () => {
    const common = await loadCommonPasswords();
    expect(common.size).toBeGreaterThan(40_000);
    expect(await loadCommonPasswords()).toBe(common); // loaded once
    expect(await refusal('1234567890')).toBe('common');
    expect(await refusal('QwertyUiop')).toBe('common');
    expect(await refusal('ｐａｓｓｗｏｒｄ１２３')).toBe('common'); // full-width
    expect(await refusal('1q2w3e4r5t')).toBe('common');
  });

  it('refuses a handful of characters repeated to length', async () => {
    expect(await refusal('zzzzzzzzzzzz')).toBe('repetitive');
    expect(await refusal('xyzxyzxyzxyz')).toBe('repetitive');
    expect(await refusal('하하하하하하하하하하')).toBe('repetitive');
    expect(await refusal('wxyzwxyzwxyz')).toBe('ok');
  });

  it('refuses a common word dressed up with digits and symbols', async () => {
    expect(await refusal('iloveyou2024!')).toBe('common');
    expect(await refusal('!!dragon123456')).toBe('common');
  });

  it('refuses the e-mail local part, alone or inside the password, case-insensitively', async () => {
    const email = 'Minji.Park+news@example.kr';
    expect(await refusal('minji.park+news', { email })).toBe('contains_email');
    expect(await refusal('xMINJI.PARKx2024', { email })).toBe('contains_email');
    expect(await refusal('zz-minji.park-zz', { email })).toBe('contains_email'); // without the +tag
    expect(await refusal('a different long phrase', { email })).toBe('ok');
  });

  it('refuses the nickname, alone or inside the password', async () => {
    expect(await refusal('바다거북이는천천히걷는다', { nickname: '바다거북' })).toBe('contains_nickname');
    expect(await refusal('I am SeaTurtle_77!', { nickname: 'seaturtle_77' })).toBe('contains_nickname');
  });

  it('treats a very short local part or nickname as a whole-password match only', async () => {
    expect(await refusal('a quiet morning walk', { email: 'a@example.kr', nickname: 'me' })).toBe('ok');
  });

  it('has a Korean and an English message for every refusal', () => {
    const reasons: PasswordRefusal[] = [
      'too_short',
      'too_long',
      'repetitive',
      'common',
      'contains_email',
      'contains_nickname',
    ];
    for (const reason of reasons) {
      const key = passwordRefusalMessageKey(reason);
      expect(t('ko', key)).not.toBe(key);
      expect(t('en', key)).not.toBe(key);
      expect(t('ko', key)).not.toBe(t('en', key));
    }
  });
});
