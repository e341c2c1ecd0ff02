// A reader's private feed address: a 256-bit random token, stored only as its SHA-256 digest, so a
// leaked database does not open anyone's feed; a new token revokes the old ones.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';

const digestOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function issueFeedToken(db: Db, readerId: number, now = Date.now()): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reader_feed_tokens')
      .set({ revoked_at: now })
      .where('reader_id', '=', readerId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('reader_feed_tokens')
      .values({ digest: digestOf(token), reader_id: readerId, created_at: now, revoked_at: null })
      .execute();
  });
  return token;
}

export async function revokeFeedTokens(db: Db, readerId: number, now = Date.now()): Promise<void> {
  await db
    .updateTable('reader_feed_tokens')
    .set({ revoked_at: now })
    .where('reader_id', '=', readerId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function hasFeedToken(db: Db, readerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('reader_feed_tokens')
    .select('digest')
    .where('reader_id', '=', readerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The reader a live token belongs to. */
export async function readerOfFeedToken(db: Db, token: string): Promise<number | undefined> {
  if (!/^[\w-]{43}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('reader_feed_tokens')
    .select('reader_id')
    .where('digest', '=', digestOf(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.reader_id;
}
