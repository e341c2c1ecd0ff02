// What an admin sees of readers: find one by e-mail or nickname, see the account's state, and
// suspend or restore it (what a suspension blocks is decided by the capabilities that check it).
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { Errors } from '../errors.ts';
import { READER } from './reader.ts';

export interface ReaderSummary {
  id: number;
  email: string;
  nickname: string;
  createdAt: number;
  emailVerified: boolean;
  suspendedAt: number | null;
  suspendedReason: string | null;
  passwordSignIn: boolean;
  identities: number;
  sessions: number;
}

const LIST_LIMIT = 50;

/** Newest first; `query` matches the start of the e-mail or nickname, ignoring case. */
export async function findReaders(db: Db, query: string, now = Date.now()): Promise<ReaderSummary[]> {
  const q = query.trim().toLowerCase().slice(0, 100);
  const rows = await db
    .selectFrom('readers')
    .select((eb) => [
      'readers.id',
      'readers.email',
      'readers.nickname',
      'readers.created_at',
      'readers.email_verified_at',
      'readers.suspended_at',
      'readers.suspended_reason',
      'readers.password_hash',
      eb
        .selectFrom('reader_identities')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('reader_identities.reader_id', '=', 'readers.id')
        .as('identities'),
      eb
        .selectFrom('sessions')
        .select(eb.fn.countAll<number>().as('n'))
        .where('sessions.principal_kind', '=', READER)
        .whereRef('sessions.principal_id', '=', 'readers.id')
        .where('sessions.expires_at', '>', now)
        .as('sessions'),
    ])
    // A prefix test both databases read the same way (LIKE differs in case and escaping).
    .$if(q.length > 0, (qb) =>
      qb.where(
        sql<boolean>`(substr(readers.email, 1, ${Array.from(q).length}) = ${q} or lower(substr(readers.nickname, 1, ${Array.from(q).length})) = ${q})`,
      ),
    )
    .orderBy('readers.created_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    nickname: r.nickname,
    createdAt: Number(r.created_at),
    emailVerified: r.email_verified_at !== null,
    suspendedAt: r.suspended_at === null ? null : Number(r.suspended_at),
    suspendedReason: r.suspended_reason,
    passwordSignIn: r.password_hash !== null,
    identities: Number(r.identities ?? 0),
    sessions: Number(r.sessions ?? 0),
  }));
}

export const suspensionForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('suspend'), reason: z.string().trim().max(500).default('') }),
  z.object({ action: z.literal('restore') }),
]);

export async function setSuspension(db: Db, readerId: number, raw: unknown, now = Date.now()): Promise<void> {
  const parsed = suspensionForm.safeParse(raw);
  if (!parsed.success) throw Errors.validation([{ path: 'action', message: 'suspend or restore' }]);
  const change =
    parsed.data.action === 'suspend'
      ? { suspended_at: now, suspended_reason: parsed.data.reason || null }
      : { suspended_at: null, suspended_reason: null };
  const result = await db.updateTable('readers').set(change).where('id', '=', readerId).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw Errors.notFound('reader');
}
