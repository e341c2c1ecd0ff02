// The presses table's reads and the one write other capabilities need (a press for an imported
// feed). Keys and the ninjs API live beside it (keys.ts, api.ts); everyone else comes here
// through index.ts instead of querying presses themselves.
import type { Db } from '../db/database.ts';

export interface PressSummary {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
}

export async function pressIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('presses').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function pressIdsBySlugs(db: Db, slugs: readonly string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .selectFrom('presses')
    .select('id')
    .where('slug', 'in', [...slugs])
    .execute();
  return rows.map((r) => r.id);
}

/** Presses by name, for pickers and filters (bounded: a portal lists hundreds, not millions). */
export async function listPressSummaries(db: Db, limit = 500): Promise<PressSummary[]> {
  const rows = await db
    .selectFrom('presses')
    .select(['id', 'slug', 'name', 'name_en'])
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameEn: r.name_en }));
}

export async function hasAnyPress(db: Db): Promise<boolean> {
  return (await db.selectFrom('presses').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * The press with this slug, created (without an API key: one can be issued later with
 * `sosik press rotate-key`) when it does not exist yet. For presses that only publish feeds.
 */
export async function ensureFeedPress(
  db: Db,
  press: { slug: string; name: string; homepage?: string },
  now = Date.now(),
): Promise<{ id: number; created: boolean }> {
  const existing = await pressIdBySlug(db, press.slug);
  if (existing !== undefined) return { id: existing, created: false };
  const row = await db
    .insertInto('presses')
    .values({ slug: press.slug, name: press.name, homepage: press.homepage ?? null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function pressSummariesByIds(db: Db, ids: readonly number[]): Promise<PressSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('presses')
    .select(['id', 'slug', 'name', 'name_en'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameEn: r.name_en }));
}
