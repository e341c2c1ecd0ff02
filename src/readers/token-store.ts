// The e-mailed single-use tokens in the database (the rules are in tokens.ts): issue one inside
// the transaction that also enqueues its e-mail, and spend one at most once, even when two
// requests present it at the same moment (the conditional update decides).
import type { Db } from '../db/database.ts';
import type { Trx } from '../capability.ts';
import { checkToken, digestToken, issueToken, tokenSchema, type TokenPurpose, type TokenRefusal } from './tokens.ts';

type Conn = Db | Trx;

/** Stores a new token and returns what goes into the link. */
export async function storeToken(
  trx: Conn,
  purpose: TokenPurpose,
  readerId: number,
  email: string | null = null,
  now = Date.now(),
): Promise<string> {
  const { token, row } = issueToken(purpose, readerId, now);
  await trx
    .insertInto('reader_tokens')
    .values({ ...row, email })
    .execute();
  return token;
}

export type TokenLookup = { ok: true; readerId: number; email: string | null } | { ok: false; reason: TokenRefusal };

async function findValid(
  db: Conn,
  presented: unknown,
  purpose: TokenPurpose,
  now: number,
): Promise<TokenLookup & { digest?: string }> {
  const parsed = tokenSchema.safeParse(presented);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const digest = digestToken(parsed.data);
  const row = await db.selectFrom('reader_tokens').selectAll().where('digest', '=', digest).executeTakeFirst();
  const verdict = checkToken(
    parsed.data,
    purpose,
    row && {
      ...row,
      created_at: Number(row.created_at),
      expires_at: Number(row.expires_at),
      used_at: row.used_at === null ? null : Number(row.used_at),
    },
    now,
  );
  if (!verdict.ok) return verdict;
  return { ok: true, readerId: verdict.readerId, email: row!.email, digest };
}

/** Who a token would open, without spending it (to show the form the link leads to). */
export async function peekToken(
  db: Conn,
  presented: unknown,
  purpose: TokenPurpose,
  now = Date.now(),
): Promise<TokenLookup> {
  const { digest: _digest, ...lookup } = await findValid(db, presented, purpose, now);
  return lookup;
}

/** Spends a token: exactly one caller gets `ok`, every later one `used`. */
export async function spendToken(
  trx: Conn,
  presented: unknown,
  purpose: TokenPurpose,
  now = Date.now(),
): Promise<TokenLookup> {
  const found = await findValid(trx, presented, purpose, now);
  if (!found.ok) return found;
  const spent = await trx
    .updateTable('reader_tokens')
    .set({ used_at: now })
    .where('digest', '=', found.digest!)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
  return { ok: true, readerId: found.readerId, email: found.email };
}

/** Marks every unused token of a purpose spent (a reset done: older reset links die with it). */
export async function spendAllTokens(
  trx: Conn,
  readerId: number,
  purpose: TokenPurpose,
  now = Date.now(),
): Promise<void> {
  await trx
    .updateTable('reader_tokens')
    .set({ used_at: now })
    .where('reader_id', '=', readerId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
