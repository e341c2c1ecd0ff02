// Article cards for a set of ids another capability chose (a reporter's page, My news): the same
// shape and safety as every list, in the caller's order, usable articles only.
import type { Db } from '../db/database.ts';
import { type ArticleCard, type CardRow, cardsOfAnyStatus, toCard } from './read-store.ts';

export async function articleCardsByIds(db: Db, ids: readonly number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  // Read by primary key, then kept if usable (see cardsOfAnyStatus).
  const rows = await cardsOfAnyStatus(db)
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(
    rows.filter((r) => r.status === 'usable').map((r) => [Number(r.id), toCard(r as unknown as CardRow)]),
  );
  return ids.flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}
