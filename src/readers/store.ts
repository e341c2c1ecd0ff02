// Reader rows: the look-ups and writes the services of this folder share.
import type { Db } from '../db/database.ts';
import type { Trx } from '../capability.ts';
import type { ReaderRow } from './tables.ts';

type Conn = Db | Trx;

export function normaliseReaderEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findReaderByEmail(db: Conn, email: string): Promise<ReaderRow | undefined> {
  return db.selectFrom('readers').selectAll().where('email', '=', normaliseReaderEmail(email)).executeTakeFirst();
}

export function findReaderById(db: Conn, id: number): Promise<ReaderRow | undefined> {
  return db.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nicknameTaken(db: Conn, key: string, exceptReaderId?: number): Promise<boolean> {
  const row = await db
    .selectFrom('readers')
    .select('id')
    .where('nickname_key', '=', key)
    .$if(exceptReaderId !== undefined, (qb) => qb.where('id', '!=', exceptReaderId!))
    .executeTakeFirst();
  return row !== undefined;
}

/** Press names (Korean and English) a nickname may not imitate. */
export async function pressNames(db: Conn): Promise<string[]> {
  const rows = await db.selectFrom('presses').select(['name', 'name_en']).execute();
  return rows.flatMap((r) => (r.name_en ? [r.name, r.name_en] : [r.name]));
}

export interface NewReader {
  email: string;
  passwordHash: string | null;
  nickname: string;
  nicknameKey: string;
  locale: string;
  emailVerifiedAt: number | null;
  now: number;
}

export async function insertReader(trx: Conn, reader: NewReader): Promise<number> {
  const row = await trx
    .insertInto('readers')
    .values({
      email: normaliseReaderEmail(reader.email),
      email_verified_at: reader.emailVerifiedAt,
      password_hash: reader.passwordHash,
      nickname: reader.nickname,
      nickname_key: reader.nicknameKey,
      nickname_changed_at: null,
      locale: reader.locale,
      time_zone: 'Asia/Seoul',
      terms_accepted_at: reader.now,
      suspended_at: null,
      suspended_reason: null,
      created_at: reader.now,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** True for a unique-constraint violation, on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return (
    e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
