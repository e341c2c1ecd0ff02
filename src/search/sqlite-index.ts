// SQLite implementation: an FTS5 contentless table of pre-analysed terms, ranked with bm25().
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { docRow, type AnalyzedDoc } from './document.ts';
import { filterConditions, hasFilters } from './filters-sql.ts';
import {
  HEADLINE_WEIGHT,
  RELEVANCE_CANDIDATES,
  SQLITE_SCORE_SCALE,
  SQLITE_TERM_REPEAT,
  type ScoredHit,
} from './scoring.ts';
import { indexedRevisions, type Facets, type IndexQuery, type SearchIndex } from './search-index.ts';
import { queryWordChoices, scoredTerms } from './word-alternatives.ts';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const repeat = (terms: string[]) => terms.map((t) => Array(SQLITE_TERM_REPEAT).fill(t).join(' ')).join(' ');

/** The FTS5 MATCH expression; every term is a quoted string, so user input cannot inject syntax. */
export function ftsExpression(q: IndexQuery): string {
  if (q.choseong?.length) return q.choseong.map(quote).join(' AND ');
  const words = queryWordChoices(q);
  const choice = (c: string[]) => (c.length > 1 ? `(${c.map(quote).join(' OR ')})` : quote(c[0]));
  const body =
    q.mode === 'all'
      ? words.map((w) => `(${w.map(choice).join(' AND ')})`).join(' AND ')
      : scoredTerms(q).map(quote).join(' OR ');
  return body;
}

const matchTable = (q: IndexQuery) => sql.raw(q.choseong?.length ? 'search_cho' : 'search_fts');
// CROSS JOIN pins the FTS table as the outer loop: left to itself SQLite may drive from the
// press/date index and re-run the full-text query for every candidate row.
const source = (q: IndexQuery) =>
  sql.raw(`${q.choseong?.length ? 'search_cho' : 'search_fts'} f cross join search_docs d on d.article_id = f.rowid`);

/** Rows per multi-row statement: 3 bound values a row stays far below SQLite's 32,766 limit. */
const ROWS_PER_STATEMENT = 500;

/** Deletes the FTS5 postings of these documents (search_cho rows may be absent: a no-op then). */
async function deletePostings(trx: Transaction<Database>, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
    const slice = sql.join(ids.slice(i, i + ROWS_PER_STATEMENT));
    await sql`delete from search_fts where rowid in (${slice})`.execute(trx);
    await sql`delete from search_cho where rowid in (${slice})`.execute(trx);
  }
}

export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {}

  /**
   * Adds or replaces documents with a few multi-row statements per slice: only documents already
   * in the index are deleted first (search_docs holds exactly the indexed ids), so a rebuild into an
   * empty index does no deletes at all.
   */
  async upsert(docs: AnalyzedDoc[]): Promise<void> {
    if (!docs.length) return;
    await this.db.transaction().execute(async (trx) => {
      const ids = docs.map((d) => d.articleId);
      const present: number[] = [];
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        const rows = await trx
          .selectFrom('search_docs')
          .select('article_id')
          .where('article_id', 'in', ids.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
        for (const r of rows) present.push(r.article_id);
      }
      await deletePostings(trx, present);
      for (let i = 0; i < docs.length; i += ROWS_PER_STATEMENT) {
        const slice = docs.slice(i, i + ROWS_PER_STATEMENT);
        await sql`insert into search_fts (rowid, head, body) values ${sql.join(
          slice.map((d) => sql`(${d.articleId}, ${repeat(d.head)}, ${repeat(d.body)})`),
        )}`.execute(trx);
        const withCho = slice.filter((d) => d.cho.length);
        if (withCho.length)
          await sql`insert into search_cho (rowid, cho) values ${sql.join(
            withCho.map((d) => sql`(${d.articleId}, ${d.cho.join(' ')})`),
          )}`.execute(trx);
        await trx
          .insertInto('search_docs')
          .values(slice.map(docRow))
          .onConflict((oc) =>
            oc.column('article_id').doUpdateSet((eb) => ({
              revision: eb.ref('excluded.revision'),
              press_id: eb.ref('excluded.press_id'),
              published_at: eb.ref('excluded.published_at'),
              head_len: eb.ref('excluded.head_len'),
              body_len: eb.ref('excluded.body_len'),
            })),
          )
          .execute();
      }
    });
  }

  async remove(articleIds: number[]): Promise<void> {
    if (!articleIds.length) return;
    await this.db.transaction().execute(async (trx) => {
      await deletePostings(trx, articleIds);
      for (let i = 0; i < articleIds.length; i += ROWS_PER_STATEMENT)
        await trx
          .deleteFrom('search_docs')
          .where('article_id', 'in', articleIds.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
    });
  }

  /** Empties the index; FTS5's delete-all drops every posting at once instead of row by row. */
  async clear(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
      await sql`insert into search_cho (search_cho) values ('delete-all')`.execute(trx);
      await trx.deleteFrom('search_docs').execute();
    });
  }

  /** After a full rebuild: merges the FTS5 segments into one, so a query reads one posting list per term. */
  async optimize(): Promise<void> {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(this.db);
    await sql`insert into search_cho (search_cho) values ('optimize')`.execute(this.db);
  }

  async match(q: IndexQuery): Promise<ScoredHit[]> {
    const expr = ftsExpression(q);
    if (q.sort === 'newest' || q.choseong?.length) {
      const { rows } = await sql<{ id: number; published_at: number }>`
        select d.article_id as id, d.published_at from ${source(q)}
        where ${matchTable(q)} match ${expr} ${filterConditions(q.filters)}
        order by d.published_at desc, d.article_id desc limit ${q.limit}`.execute(this.db);
      return rows.map((r) => ({ articleId: r.id, score: 0, publishedAt: r.published_at }));
    }
    // The inner query walks matches newest id first and stops after RELEVANCE_CANDIDATES, so
    // bm25() runs on a bounded number of rows however common the words are.
    // Without filters the candidates come from FTS5 alone (search_docs holds a row for exactly the
    // documents in search_fts: both are written in one transaction); search_docs is read for the
    // top hits only.
    const { rows } = await sql<{ id: number; published_at: number; s: number }>`
      select t.id, d.published_at, t.s from (
        select id, s from (
          select f.rowid as id, bm25(search_fts, ${HEADLINE_WEIGHT}, 1.0) as s
          from ${hasFilters(q.filters) ? source(q) : sql`search_fts f`}
          where search_fts match ${expr} ${filterConditions(q.filters)}
          order by f.rowid desc limit ${RELEVANCE_CANDIDATES}
        ) order by s, id desc limit ${q.limit}
      ) t join search_docs d on d.article_id = t.id
      order by t.s, t.id desc`.execute(this.db);
    return rows.map((r) => ({ articleId: r.id, score: -r.s * SQLITE_SCORE_SCALE, publishedAt: r.published_at }));
  }

  async count(q: IndexQuery, cap: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from ${hasFilters(q.filters) ? source(q) : sql`${matchTable(q)} f`}
      where ${matchTable(q)} match ${ftsExpression(q)} ${filterConditions(q.filters)} limit ${cap})`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async facets(q: IndexQuery, cap: number): Promise<Facets> {
    const matched = sql`select d.article_id, d.press_id from ${source(q)}
      where ${matchTable(q)} match ${ftsExpression(q)} ${filterConditions(q.filters)} limit ${cap}`;
    const press = await sql<{ id: number; count: number }>`
      select m.press_id as id, count(*) as count from (${matched}) m group by m.press_id order by count desc, id`.execute(
      this.db,
    );
    const category = await sql<{ id: number; count: number }>`
      select ac.category_id as id, count(*) as count from (${matched}) m join article_categories ac on ac.article_id = m.article_id
      group by ac.category_id order by count desc, id`.execute(this.db);
    return { press: press.rows, category: category.rows };
  }

  indexedRevisions(articleIds: number[]): Promise<Map<number, number>> {
    return indexedRevisions(this.db, articleIds);
  }
}
