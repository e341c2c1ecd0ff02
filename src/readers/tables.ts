// Tables of the readers capability (created by src/db/migrations/0007-readers.ts).
import type { Selectable } from 'kysely';
import type { TokenPurpose } from './tokens.ts';

export interface ReaderTable {
  id: number;
  /** Normalised: trimmed, lower case. */
  email: string;
  /** When the address was proven (a link followed, or an identity provider vouched for it). */
  email_verified_at: number | null;
  /** scrypt (src/auth/password.ts); null for accounts made by an identity provider. */
  password_hash: string | null;
  /** As shown (NFKC). */
  nickname: string;
  /** NFKC + case fold (nickname.ts): unique, so 'Haeon' and 'ｈａｅｏｎ' are one name. */
  nickname_key: string;
  /** Last change by the reader (at most one per 30 days); null until the first change. */
  nickname_changed_at: number | null;
  locale: string;
  time_zone: string;
  terms_accepted_at: number;
  suspended_at: number | null;
  suspended_reason: string | null;
  created_at: number;
}

export interface ReaderTokenTable {
  digest: string;
  purpose: TokenPurpose;
  reader_id: number;
  /** For verify_email: the address this link proves. */
  email: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface ReaderIdentityTable {
  issuer: string;
  subject: string;
  reader_id: number;
  created_at: number;
}

export interface ReaderTables {
  readers: ReaderTable;
  reader_tokens: ReaderTokenTable;
  reader_identities: ReaderIdentityTable;
}

export type ReaderRow = Selectable<ReaderTable>;

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends ReaderTables {}
}
