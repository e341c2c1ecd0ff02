// Who a view belongs to, without keeping who it was: a hash under the day's salt. A signed-in
// reader is hashed from their id (so two devices count once), anyone else from IP + user agent.
// The salt lives in the database so every process hashes alike; the previous day's is deleted
// once a new one exists, after which nobody can recompute or link yesterday's hashes.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';

const DAY_MS = 86_400_000;
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** The Seoul calendar day of a moment, as a day number. */
export function seoulDay(now: number): number {
  return Math.floor((now + SEOUL_OFFSET_MS) / DAY_MS);
}

export function epochHour(now: number): number {
  return Math.floor(now / 3_600_000);
}

/** The day's salt, made by whichever process asks first; older salts are deleted. */
export async function daySalt(db: Db, day: number): Promise<string> {
  await db
    .insertInto('ranking_salts')
    .values({ day, salt: crypto.randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.deleteFrom('ranking_salts').where('day', '<', day).execute();
  const row = await db.selectFrom('ranking_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

export type VisitorSource = { readerId: number } | { ip: string; userAgent: string };

export function visitorHash(salt: string, who: VisitorSource): string {
  const subject = 'readerId' in who ? `reader:${who.readerId}` : `anon:${who.ip}|${who.userAgent}`;
  return crypto.createHmac('sha256', salt).update(subject).digest('base64url').slice(0, 27);
}
