// A reader's subscriptions and hidden presses: add (once), remove, change delivery, list, count.
// Every write is scoped by reader_id, so one reader can never touch another's rows.
import type { Db } from '../db/database.ts';
import { Errors } from '../errors.ts';
import type { Delivery, SubscriptionKind } from './tables.ts';

/** Enough for every press a reader might follow, small enough that My news stays a bounded merge. */
export const MAX_SUBSCRIPTIONS = 200;

export interface Subscription {
  id: number;
  kind: SubscriptionKind;
  targetId: number | null;
  query: string | null;
  delivery: Delivery;
  createdAt: number;
}

export async function listSubscriptions(db: Db, readerId: number): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .select(['id', 'kind', 'target_id', 'query', 'delivery', 'created_at'])
    .where('reader_id', '=', readerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_SUBSCRIPTIONS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    targetId: r.target_id,
    query: r.query,
    delivery: r.delivery,
    createdAt: Number(r.created_at),
  }));
}

export async function findSubscription(
  db: Db,
  readerId: number,
  kind: SubscriptionKind,
  targetKey: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('subscriptions')
    .select('id')
    .where('reader_id', '=', readerId)
    .where('kind', '=', kind)
    .where('target_key', '=', targetKey)
    .executeTakeFirst();
  return row?.id;
}

/** Subscribes once: the same subscription again (a double click, a second tab) changes nothing. */
export async function subscribe(
  db: Db,
  readerId: number,
  s: { kind: SubscriptionKind; targetId: number | null; query: string | null; targetKey: string; delivery?: Delivery },
  now = Date.now(),
): Promise<number> {
  const existing = await findSubscription(db, readerId, s.kind, s.targetKey);
  if (existing !== undefined) return existing;
  const count = await db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reader_id', '=', readerId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_SUBSCRIPTIONS)
    throw Errors.validation([{ path: 'kind', message: `At most ${MAX_SUBSCRIPTIONS} subscriptions.` }]);
  await db
    .insertInto('subscriptions')
    .values({
      reader_id: readerId,
      kind: s.kind,
      target_id: s.targetId,
      query: s.query,
      target_key: s.targetKey,
      delivery: s.delivery ?? 'digest',
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['reader_id', 'kind', 'target_key']).doNothing())
    .execute();
  return (await findSubscription(db, readerId, s.kind, s.targetKey))!;
}

export async function unsubscribe(db: Db, readerId: number, subscriptionId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('subscriptions')
    .where('id', '=', subscriptionId)
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function setDelivery(
  db: Db,
  readerId: number,
  subscriptionId: number,
  delivery: Delivery,
): Promise<boolean> {
  const res = await db
    .updateTable('subscriptions')
    .set({ delivery })
    .where('id', '=', subscriptionId)
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function hiddenPressIds(db: Db, readerId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('reader_hidden_presses')
    .select('press_id')
    .where('reader_id', '=', readerId)
    .limit(1000)
    .execute();
  return rows.map((r) => r.press_id);
}

export async function hidePress(db: Db, readerId: number, pressId: number, now = Date.now()): Promise<void> {
  await db
    .insertInto('reader_hidden_presses')
    .values({ reader_id: readerId, press_id: pressId, created_at: now })
    .onConflict((oc) => oc.columns(['reader_id', 'press_id']).doNothing())
    .execute();
}

export async function unhidePress(db: Db, readerId: number, pressId: number): Promise<void> {
  await db
    .deleteFrom('reader_hidden_presses')
    .where('reader_id', '=', readerId)
    .where('press_id', '=', pressId)
    .execute();
}

/** Subscribers per target of one kind (a press in /studio, its reporters), largest first. */
export async function subscriberCounts(
  db: Db,
  kind: SubscriptionKind,
  targetIds: readonly number[],
): Promise<Map<number, number>> {
  if (!targetIds.length) return new Map();
  const rows = await db
    .selectFrom('subscriptions')
    .select(['target_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('target_id', 'in', [...targetIds])
    .groupBy('target_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.target_id), Number(r.n)]));
}

export async function lastVisit(db: Db, readerId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('reader_news')
    .select('last_visit_at')
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return row ? Number(row.last_visit_at) : undefined;
}

export async function markVisited(db: Db, readerId: number, now = Date.now()): Promise<void> {
  await db
    .insertInto('reader_news')
    .values({ reader_id: readerId, last_visit_at: now, next_digest_at: null, last_digest_at: null })
    .onConflict((oc) => oc.column('reader_id').doUpdateSet({ last_visit_at: now }))
    .execute();
}

/** One-click unsubscribe: the subscription stays (it still fills My news), its e-mail stops. */
export async function stopMailFor(db: Db, subscriptionId: number): Promise<void> {
  await db.updateTable('subscriptions').set({ delivery: 'none' }).where('id', '=', subscriptionId).execute();
}
