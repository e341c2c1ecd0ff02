import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseNewPassword, parseSignUp } from './sign-up-input.ts';

const presses = ['해온일보'];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('sign-up form', () => {
  it('returns clean values: lower-case e-mail, NFKC nickname and its key', async () => {
    const input = await parseSignUp(
      { email: ' Minji@Example.KR ', password: 'a quiet morning walk', nickname: 'Ｍｉｎｊｉ_바다' },
      { pressNames: presses, locale: 'ko' },
    );
    expect(input).toEqual({
      email: 'minji@example.kr',
      password: 'a quiet morning walk',
      nickname: 'Minji_바다',
      nicknameKey: 'minji_바다',
    });
  });

  it('names every failing field at once, in the reader language', async () => {
    const err = await refusal(
      parseSignUp(
        { email: 'minji@example.kr', password: 'password123', nickname: '해온일보' },
        { pressNames: presses, locale: 'en' },
      ),
    );
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(err.details).toEqual([
      { path: 'nickname', message: 'This nickname could be taken for a press.' },
      { path: 'password', message: expect.stringContaining('too common') },
    ]);
  });

  it('refuses a password built from the nickname it is registered with', async () => {
    const err = await refusal(
      parseSignUp(
        { email: 'x@example.kr', password: 'seaturtle_77 forever', nickname: 'SeaTurtle_77' },
        { pressNames: [], locale: 'ko' },
      ),
    );
    expect(err.details).toEqual([{ path: 'password', message: '비밀번호에 닉네임을 넣을 수 없습니다.' }]);
  });

  it('refuses malformed bodies with field paths before any policy runs', async () => {
    const err = await refusal(
      parseSignUp({ email: 'not-an-address', nickname: 'x'.repeat(201) }, { pressNames: [], locale: 'ko' }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual(
      expect.arrayContaining([
        { path: 'email', message: '올바른 이메일 주소를 입력해 주세요.' },
        { path: 'password', message: '이 칸을 채워 주세요.' },
        { path: 'nickname', message: '닉네임은 20자를 넘을 수 없습니다.' },
      ]),
    );
    expect((await refusal(parseSignUp('a string', { pressNames: [], locale: 'ko' }))).code).toBe('VALIDATION_FAILED');
  });
});

describe('new password form', () => {
  it('applies the policy with the reader’s own e-mail and nickname', async () => {
    const reader = { email: 'minji.park@example.kr', nickname: '바다거북' };
    expect(await parseNewPassword({ password: 'a quiet morning walk' }, reader, 'ko')).toBe('a quiet morning walk');
    const err = await refusal(parseNewPassword({ password: 'minji.park!2024' }, reader, 'en'));
    expect(err.details).toEqual([
      { path: 'password', message: 'A password may not contain the name part of your e-mail address.' },
    ]);
    expect((await refusal(parseNewPassword({ password: 'x'.repeat(2000) }, reader, 'en'))).details?.[0]?.path).toBe(
      'password',
    );
  });
});
