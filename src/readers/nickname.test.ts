import { describe, expect, it } from 'vitest';
import { t } from '../web/i18n/index.ts';
import {
  checkNickname,
  isReservedNickname,
  nicknameKey,
  nicknameRefusalMessageKey,
  type NicknameRefusal,
} from './nickname.ts';

const verdict = (name: string, presses: string[] = []) => {
  const v = checkNickname(name, presses);
  return v.ok ? 'ok' : v.reason;
};

describe('nickname characters and length', () => {
  it('accepts Hangul, Latin, digits and underscores, 2 to 20 characters', () => {
    expect(verdict('바다거북')).toBe('ok');
    expect(verdict('kim_minji_1998')).toBe('ok');
    expect(verdict('서울Runner7')).toBe('ok');
    expect(verdict('가나')).toBe('ok');
    expect(verdict('가')).toBe('too_short');
    expect(verdict('가'.repeat(20))).toBe('ok');
    expect(verdict('가'.repeat(21))).toBe('too_long');
  });

  it('refuses spaces, punctuation, other scripts, loose jamo and invisible characters', () => {
    for (const name of [
      'kim minji',
      'kim.minji',
      'kim-minji',
      'ㅋㅋㅋ',
      'аdmin' /* Cyrillic а */,
      'José',
      'kim\u200bminji',
      '😀😀',
    ]) {
      expect(verdict(name), name).toBe('invalid_characters');
    }
  });

  it('shows and keys full-width and decomposed input in its normal form', () => {
    const wide = checkNickname('ＫｉｍＭｉｎｊｉ');
    expect(wide).toEqual({ ok: true, display: 'KimMinji', key: 'kimminji' });
    const decomposed = checkNickname('바다'.normalize('NFD'));
    expect(decomposed).toEqual({ ok: true, display: '바다', key: '바다' });
    expect(checkNickname('  kim_a  ')).toMatchObject({ ok: true, display: 'kim_a' });
  });
});

describe('nickname uniqueness key', () => {
  it('ignores case and width, but not anything else', () => {
    expect(nicknameKey('KimMinji')).toBe(nicknameKey('kimminji'));
    expect(nicknameKey('ｋｉｍｍｉｎｊｉ')).toBe(nicknameKey('KIMMINJI'));
    expect(nicknameKey('바다'.normalize('NFD'))).toBe(nicknameKey('바다'));
    expect(nicknameKey('kim_minji')).not.toBe(nicknameKey('kimminji'));
  });
});

describe('reserved nicknames', () => {
  it('refuses the names of the site and its roles', () => {
    for (const name of [
      '관리자',
      'admin',
      'ADMIN',
      '운영자',
      '운영팀',
      'sosik',
      '소식',
      'moderator',
      '편집자',
      'editor',
      'root',
      'system',
    ]) {
      expect(verdict(name), name).toBe('reserved');
    }
  });

  it('refuses them dressed up with digits, underscores, official words or look-alike digits', () => {
    for (const name of [
      'admin_1',
      '관리자1',
      '관리자님',
      'sosik_official',
      'SosikTeam',
      '소식운영팀',
      'the_real_admin',
      'adm1n',
      'r00t',
      'a_d_m_i_n',
      'ｓｏｓｉｋ',
      'editor_kim',
      '공식관리자',
      '어드민',
      '소식뉴스팀',
      'sosiknews',
      '시스템_1',
    ]) {
      expect(isReservedNickname(name), name).toBe(true);
    }
  });

  it('leaves ordinary words that merely contain one alone', () => {
    for (const name of ['badminton', '소식통', 'creditor', 'rootbeer', 'systematic', 'modern_art', 'team', '팀장님']) {
      expect(verdict(name), name).toBe('ok');
    }
  });
});

describe('press look-alikes', () => {
  const presses = ['해온일보', 'Haeon Daily', '뉴스결', 'K'];

  it('refuses a press name by the same key, with or without decoration', () => {
    expect(verdict('해온일보', presses)).toBe('press_name');
    expect(verdict('해온일보_1', presses)).toBe('press_name');
    expect(verdict('해온일보공식', presses)).toBe('press_name');
    expect(verdict('HAEON_DAILY', presses)).toBe('press_name');
    expect(verdict('haeondaily', presses)).toBe('press_name');
    expect(verdict('뉴스결팀', presses)).toBe('press_name');
  });

  it('allows names that only share part of a press name, and ignores one-letter press keys', () => {
    expect(verdict('해온', presses)).toBe('ok');
    expect(verdict('뉴스결말', presses)).toBe('ok');
    expect(verdict('kk_fan', presses)).toBe('ok');
  });
});

describe('nickname messages', () => {
  it('has Korean and English for every refusal', () => {
    const reasons: NicknameRefusal[] = ['too_short', 'too_long', 'invalid_characters', 'reserved', 'press_name'];
    for (const reason of reasons) {
      const key = nicknameRefusalMessageKey(reason);
      expect(t('ko', key)).not.toBe(key);
      expect(t('en', key)).not.toBe(key);
    }
  });
});
