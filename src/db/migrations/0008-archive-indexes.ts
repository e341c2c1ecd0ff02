// Indexes that keep reader queries flat as the archive grows (test/perf/query-plans.test.ts finds
// the queries that would otherwise read the whole table).
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // The sitemap index's Last-Modified: the newest change among published articles.
  await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at']).execute();
}
