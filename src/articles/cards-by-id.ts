// Article cards for a set of ids another capability chose (a reporter's page, My news): the same
// shape and safety as every list, in the caller's order, usable articles only.
import type { Db } from '../db/database.ts';
import { type ArticleCard, type CardRow, cardsQuery, toCard } from './read-store.ts';

export async function articleCardsByIds(db: Db, ids: readonly number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = (await cardsQuery(db)
    .where('a.id', 'in', [...new Set(ids)])
    .execute()) as CardRow[];
  const byId = new Map(rows.map((r) => [Number(r.id), toCard(r)]));
  return ids.flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}
