// Tables of the search capability (see src/search/tables.ts for their types).
import { sql, type Kysely } from 'kysely';
import { TIME } from '../columns.ts';
import type { Dialect } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not the current Database type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let docs = db.schema
    .createTable('search_docs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('press_id', 'integer', (c) => c.notNull())
    .addColumn('published_at', TIME, (c) => c.notNull())
    .addColumn('head_len', 'integer', (c) => c.notNull())
    .addColumn('body_len', 'integer', (c) => c.notNull());
  if (dialect === 'postgres') {
    // tsv holds headline and body terms together (positions below 8192 are headline occurrences),
    // so one GIN index answers every query and one detoast scores a document.
    docs = docs
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .addColumn('cho_tsv', sql`tsvector`, (c) => c.notNull());
  }
  await docs.execute();
  await db.schema.createIndex('search_docs_published').on('search_docs').columns(['published_at']).execute();
  await db.schema.createIndex('search_docs_press').on('search_docs').columns(['press_id', 'published_at']).execute();

  if (dialect === 'sqlite') {
    // Contentless: the analysed term strings are not readable text, snippets come from articles.
    // remove_diacritics 0 because the analyzer already folded accents; FTS must not re-fold.
    await sql`create virtual table search_fts using fts5(head, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
    // Headline choseong bigrams live apart: FTS5's bm25() normalises by the whole row's length,
    // and they must not count towards it.
    await sql`create virtual table search_cho using fts5(cho, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
    return;
  }
  // 'simple' config semantics: the lexemes are our terms, stored verbatim; GIN finds candidates.
  await sql`create index search_docs_tsv_gin on search_docs using gin (tsv)`.execute(db);
  await sql`create index search_docs_cho_gin on search_docs using gin (cho_tsv)`.execute(db);
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_stats')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('doc_count', 'bigint', (c) => c.notNull())
    .addColumn('head_total', 'bigint', (c) => c.notNull())
    .addColumn('body_total', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('search_stats').values({ id: 1, doc_count: 0, head_total: 0, body_total: 0 }).execute();
}
