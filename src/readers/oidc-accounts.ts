// Which reader an OpenID Connect identity is. Linked by (issuer, subject); a first sign-in with
// an address the provider verified creates a reader with that address verified, or joins the
// reader who already proved it. A reader who registered the address but never proved it is not
// trusted: whoever registered it may not be its owner, so that account's password and sessions
// are dropped before the provider's user takes it (pre-hijacking defence).
import crypto from 'node:crypto';
import { deletePrincipalSessions } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';
import { checkNickname } from './nickname.ts';
import { requireVerifiedEmail, type OidcIdentity } from './oidc.ts';
import { READER } from './reader.ts';
import { findReaderByEmail, insertReader, nicknameTaken, pressNames } from './store.ts';

async function freeNickname(deps: AppDeps, wanted: string | null): Promise<{ display: string; key: string }> {
  const presses = await pressNames(deps.db);
  if (wanted) {
    const verdict = checkNickname(wanted.replace(/\s+/g, '_'), presses);
    if (verdict.ok && !(await nicknameTaken(deps.db, verdict.key))) return verdict;
  }
  for (;;) {
    const verdict = checkNickname(`독자${crypto.randomInt(100_000, 1_000_000)}`, presses);
    if (verdict.ok && !(await nicknameTaken(deps.db, verdict.key))) return verdict;
  }
}

/** The reader this identity signs in as, creating or linking one when it is new. */
export async function readerForIdentity(
  deps: AppDeps,
  identity: OidcIdentity,
  locale: Locale,
  now = Date.now(),
): Promise<number> {
  const linked = await deps.db
    .selectFrom('reader_identities')
    .select('reader_id')
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .executeTakeFirst();
  if (linked) return linked.reader_id;
  const proven = requireVerifiedEmail(identity);
  const nickname = await freeNickname(deps, identity.name);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findReaderByEmail(trx, proven.email);
    let readerId: number;
    if (existing) {
      readerId = existing.id;
      if (existing.email_verified_at === null) {
        await trx
          .updateTable('readers')
          .set({ password_hash: null, email_verified_at: now })
          .where('id', '=', existing.id)
          .execute();
        await deletePrincipalSessions({ db: trx }, { kind: READER, id: existing.id });
      }
    } else {
      readerId = await insertReader(trx, {
        email: proven.email,
        passwordHash: null,
        nickname: nickname.display,
        nicknameKey: nickname.key,
        locale,
        emailVerifiedAt: now,
        now,
      });
    }
    await trx
      .insertInto('reader_identities')
      .values({ issuer: identity.issuer, subject: identity.subject, reader_id: readerId, created_at: now })
      .execute();
    return readerId;
  });
}
