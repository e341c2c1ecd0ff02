import type { SelectQueryBuilder } from 'kysely';

/**
 * One numbered page of an ordered query (staff lists, where an offset is fine because the lists are
 * short and browsed from the top). It reads one row more than it shows to know whether a next page
 * exists without counting the whole set.
 */
export async function offsetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: number,
  pageSize: number,
): Promise<{ rows: O[]; hasMore: boolean }> {
  const rows = await query
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
