// A verified reader's row for tests and benches that need signed-in readers in bulk or without
// going through sign-up (which costs a password hash each): Korean, Seoul time, no password.
import type { Insertable } from 'kysely';
import type { ReaderTable } from '../../src/readers/tables.ts';

export function verifiedReaderRow(email: string, nickname: string, now: number): Insertable<ReaderTable> {
  return {
    // The id is the database's to give (the table type spells every column out).
    id: undefined as unknown as number,
    email,
    email_verified_at: now,
    password_hash: null,
    nickname,
    nickname_key: nickname,
    nickname_changed_at: null,
    locale: 'ko',
    time_zone: 'Asia/Seoul',
    terms_accepted_at: now,
    suspended_at: null,
    suspended_reason: null,
    created_at: now,
  };
}
