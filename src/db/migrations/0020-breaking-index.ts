// The 속보 banner asks for the newest usable article flagged breaking within the hour. An index
// on breaking_at alone loses to the status index when the planner's statistics are sampled
// (SQLite's bounded PRAGMA optimize, src/db/database.ts), which walks every usable article; one
// on (status, breaking_at) answers both conditions, so it wins whatever the statistics.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_status_breaking').on('articles').columns(['status', 'breaking_at']).execute();
  await db.schema.dropIndex('articles_breaking').execute();
}
