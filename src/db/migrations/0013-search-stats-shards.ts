// PostgreSQL only: the search collection totals (search_stats) spread over 16 rows. Every index
// write added to the one row id = 1, so concurrent index jobs queued behind each other's row
// lock; now each write adds to a random row and readers sum them (src/search/postgres-index.ts).
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

const SEARCH_STATS_SHARDS = 16;

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not the current Database type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  const rows = Array.from({ length: SEARCH_STATS_SHARDS - 1 }, (_, i) => ({
    id: i + 2,
    doc_count: 0,
    head_total: 0,
    body_total: 0,
  }));
  await db.insertInto('search_stats').values(rows).execute();
}
