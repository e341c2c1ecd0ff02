// The reader's rights over their data (GDPR art. 15/17/20, PIPA art. 35/36): everything Sosik
// holds about them as one JSON document, and deleting the account. Each capability that keeps
// reader data contributes its part through its manifest (`readerData`, src/capability.ts), so a
// new capability cannot forget to be in the export or to clean up.
import type { ReaderDataPart } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { READER } from './reader.ts';
import { listReaderSessions } from './sessions.ts';

export const EXPORT_FORMAT = 'sosik-reader-export/1';

export async function exportReaderData(
  deps: AppDeps,
  readerId: number,
  now = Date.now(),
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString() };
  for (const { capability, part } of deps.registry.readerData) out[capability] = await part.export(deps, readerId);
  return out;
}

/** Deletes the account and, first, every capability's data about it, in one transaction. */
export async function deleteReaderAccount(deps: AppDeps, readerId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // Later capabilities build on earlier ones (comments on readers), so they clean up first.
    for (const { part } of [...deps.registry.readerData].reverse()) await part.delete(deps, readerId, trx);
  });
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The readers capability's own part: the profile, sessions and linked identities. */
export const readersDataPart: ReaderDataPart = {
  async export(deps, readerId) {
    const row = await deps.db.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirst();
    if (!row) return null;
    const identities = await deps.db
      .selectFrom('reader_identities')
      .select(['issuer', 'subject', 'created_at'])
      .where('reader_id', '=', readerId)
      .execute();
    const sessions = await listReaderSessions(deps.db, readerId, '');
    return {
      profile: {
        email: row.email,
        emailVerifiedAt: iso(row.email_verified_at),
        nickname: row.nickname,
        nicknameChangedAt: iso(row.nickname_changed_at),
        locale: row.locale,
        timeZone: row.time_zone,
        hasPassword: row.password_hash !== null,
        termsAcceptedAt: iso(row.terms_accepted_at),
        suspendedAt: iso(row.suspended_at),
        createdAt: iso(row.created_at),
      },
      sessions: sessions.map((s) => ({
        device: s.device,
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastSeenAt),
        expiresAt: iso(s.expiresAt),
        keptAfterBrowserCloses: s.persistent,
      })),
      identities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject, linkedAt: iso(i.created_at) })),
    };
  },
  async delete(_deps, readerId, trx) {
    await trx
      .deleteFrom('sessions')
      .where('principal_kind', '=', READER)
      .where('principal_id', '=', readerId)
      .execute();
    // Tokens and identities go with the row (on delete cascade).
    await trx.deleteFrom('reader_tokens').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('reader_identities').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('readers').where('id', '=', readerId).execute();
  },
};
