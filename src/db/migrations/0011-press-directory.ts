// The press directory (/press): each press's count of published articles, kept on the press row
// so the directory never counts over the archive (ingest adjusts it in the article's own
// transaction), and an optional logo. The count starts from one pass over today's archive.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('presses')
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('presses').addColumn('logo_url', 'text').execute();
  await sql`update presses set article_count = (
    select count(*) from articles where articles.press_id = presses.id and articles.status = 'usable'
  )`.execute(db);
}
