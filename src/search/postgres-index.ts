// PostgreSQL implementation: tsvectors of the analyser's terms (GIN finds candidates) and BM25
// computed in SQL from document frequencies kept in search_terms, so it ranks like SQLite's FTS5.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { AnalyzedDoc } from './document.ts';
import { filterConditions } from './filters-sql.ts';
import { BM25_B, BM25_K1, HEADLINE_WEIGHT, idf, type ScoredHit } from './scoring.ts';
import type { Facets, IndexQuery, SearchIndex } from './search-index.ts';

// tsvector keeps at most 256 positions per lexeme; positions here only count occurrences.
const MAX_TF = 256;
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal whose position count for each term is its frequency. */
export function tsvectorLiteral(terms: string[]): string {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return [...tf]
    .map(([t, n]) => `${lexeme(t)}:${Array.from({ length: Math.min(n, MAX_TF) }, (_, i) => i + 1).join(',')}`)
    .join(' ');
}

/** A tsquery literal: words AND-ed (each word's terms AND-ed), or every term OR-ed. */
export function tsqueryLiteral(q: IndexQuery): string {
  if (q.choseong?.length) return q.choseong.map(lexeme).join(' & ');
  const words = q.words.filter((w) => w.length);
  if (q.mode === 'all') return words.map((w) => `(${w.map(lexeme).join(' & ')})`).join(' & ');
  return [...new Set(words.flat())].map(lexeme).join(' | ');
}

interface Stats {
  doc_count: number;
  head_total: number;
  body_total: number;
}

export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {}

  async upsert(docs: AnalyzedDoc[]): Promise<void> {
    if (!docs.length) return;
    await this.db.transaction().execute(async (trx) => {
      const ids = docs.map((d) => d.articleId);
      const old = await this.lockOld(trx, ids);
      const delta = new Map<string, number>();
      const add = (t: string, n: number) => delta.set(t, (delta.get(t) ?? 0) + n);
      const stats = { doc_count: 0, head_total: 0, body_total: 0 };
      for (const o of old) {
        for (const t of o.terms) add(t, -1);
        stats.doc_count -= 1;
        stats.head_total -= o.head_len;
        stats.body_total -= o.body_len;
      }
      for (const d of docs) {
        for (const t of new Set([...d.head, ...d.body])) add(t, 1);
        stats.doc_count += 1;
        stats.head_total += d.head.length;
        stats.body_total += d.body.length;
        const row = {
          article_id: d.articleId,
          revision: d.revision,
          press_id: d.pressId,
          published_at: d.publishedAt,
          head_len: d.head.length,
          body_len: d.body.length,
          head_tsv: tsvectorLiteral(d.head),
          body_tsv: tsvectorLiteral(d.body),
          cho_tsv: tsvectorLiteral(d.cho),
        };
        await trx
          .insertInto('search_docs')
          .values(row)
          .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
          .execute();
      }
      await applyDelta(trx, delta, stats);
    });
  }

  async remove(articleIds: number[]): Promise<void> {
    if (!articleIds.length) return;
    await this.db.transaction().execute(async (trx) => {
      const old = await this.lockOld(trx, articleIds);
      if (!old.length) return;
      const delta = new Map<string, number>();
      for (const o of old) for (const t of o.terms) delta.set(t, (delta.get(t) ?? 0) - 1);
      const stats = {
        doc_count: -old.length,
        head_total: -old.reduce((s, o) => s + o.head_len, 0),
        body_total: -old.reduce((s, o) => s + o.body_len, 0),
      };
      await trx.deleteFrom('search_docs').where('article_id', 'in', articleIds).execute();
      await applyDelta(trx, delta, stats);
    });
  }

  async clear(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('search_docs').execute();
      await trx.deleteFrom('search_terms').execute();
      await trx.updateTable('search_stats').set({ doc_count: 0, head_total: 0, body_total: 0 }).execute();
    });
  }

  /** The terms and lengths of already-indexed rows, locked so concurrent reindexing cannot double-count. */
  private async lockOld(trx: Transaction<Database>, ids: number[]) {
    const { rows } = await sql<{ head_len: number; body_len: number; terms: string[] }>`
      select head_len, body_len, tsvector_to_array(head_tsv || body_tsv) as terms
      from search_docs where article_id in (${sql.join(ids)}) order by article_id for update`.execute(trx);
    return rows;
  }

  async match(q: IndexQuery): Promise<ScoredHit[]> {
    const tsq = tsqueryLiteral(q);
    const cond = filterConditions(q.filters);
    if (q.sort === 'newest' || q.choseong?.length) {
      const { rows } = await sql<{ id: number; published_at: number }>`
        select d.article_id as id, d.published_at from search_docs d
        where ${matchCondition(q, tsq)} ${cond}
        order by d.published_at desc, d.article_id desc limit ${q.limit}`.execute(this.db);
      return rows.map((r) => ({ articleId: r.id, score: 0, publishedAt: r.published_at }));
    }
    const terms = [...new Set(q.words.flat())];
    const [stats, dfs] = await Promise.all([this.stats(), this.docFrequencies(terms)]);
    const n = Math.max(1, stats.doc_count);
    const weights = terms.map((t) => idf(n, dfs.get(t) ?? 0));
    const avgLen = (stats.head_total + stats.body_total) / n || 1;
    // setweight + ts_filter cut each tsvector down to the query's lexemes before unnesting them,
    // so scoring a candidate costs a few lookups, not a walk over all its terms. BM25F as FTS5
    // does it: headline frequency weighted and added to body frequency, length of the whole row.
    const { rows } = await sql<{ id: number; published_at: number; s: number }>`
      with q as (select * from unnest(${terms}::text[], ${weights}::float8[]) as q(term, idf))
      select d.article_id as id, d.published_at, (
        select coalesce(sum(q.idf * x.tf * ${BM25_K1 + 1}::float8
          / (x.tf + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * (d.head_len + d.body_len) / ${avgLen}::float8))), 0)
        from (
          select lexeme, sum(tf) as tf from (
            select lexeme, ${HEADLINE_WEIGHT}::float8 * cardinality(positions) as tf
              from unnest(ts_filter(setweight(d.head_tsv, 'A', ${terms}::text[]), '{a}'))
            union all
            select lexeme, cardinality(positions)::float8 from unnest(ts_filter(setweight(d.body_tsv, 'A', ${terms}::text[]), '{a}'))
          ) u group by lexeme
        ) x join q on q.term = x.lexeme
      ) as s
      from search_docs d
      where ${matchCondition(q, tsq)} ${cond}
      order by s desc, d.article_id desc limit ${q.limit}`.execute(this.db);
    return rows.map((r) => ({ articleId: r.id, score: Number(r.s), publishedAt: r.published_at }));
  }

  async count(q: IndexQuery, cap: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from search_docs d where ${matchCondition(q, tsqueryLiteral(q))}
      ${filterConditions(q.filters)} limit ${cap}) m`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async facets(q: IndexQuery, cap: number): Promise<Facets> {
    const matched = sql`select d.article_id, d.press_id from search_docs d
      where ${matchCondition(q, tsqueryLiteral(q))} ${filterConditions(q.filters)} limit ${cap}`;
    const press = await sql<{ id: number; count: number }>`
      select m.press_id as id, count(*)::int as count from (${matched}) m group by m.press_id order by count desc, id`.execute(this.db);
    const category = await sql<{ id: number; count: number }>`
      select ac.category_id as id, count(*)::int as count from (${matched}) m join article_categories ac on ac.article_id = m.article_id
      group by ac.category_id order by count desc, id`.execute(this.db);
    return { press: press.rows, category: category.rows };
  }

  async indexedRevisions(articleIds: number[]): Promise<Map<number, number>> {
    if (!articleIds.length) return new Map();
    const rows = await this.db
      .selectFrom('search_docs')
      .select(['article_id', 'revision'])
      .where('article_id', 'in', articleIds)
      .execute();
    return new Map(rows.map((r) => [r.article_id, r.revision]));
  }

  private async stats(): Promise<Stats> {
    const row = await this.db.selectFrom('search_stats').selectAll().where('id', '=', 1).executeTakeFirst();
    return {
      doc_count: Number(row?.doc_count ?? 0),
      head_total: Number(row?.head_total ?? 0),
      body_total: Number(row?.body_total ?? 0),
    };
  }

  private async docFrequencies(terms: string[]): Promise<Map<string, number>> {
    if (!terms.length) return new Map();
    const rows = await this.db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', terms).execute();
    return new Map(rows.map((r) => [r.term, r.df]));
  }
}

function matchCondition(q: IndexQuery, tsq: string) {
  if (q.choseong?.length) return sql`d.cho_tsv @@ ${tsq}::tsquery`;
  // The same expression as the GIN index search_docs_text_gin, so the planner can use it.
  return sql`(d.head_tsv || d.body_tsv) @@ ${tsq}::tsquery`;
}

/** Applies document-frequency and total changes, locking term rows in one order to avoid deadlocks. */
async function applyDelta(trx: Transaction<Database>, delta: Map<string, number>, stats: Stats): Promise<void> {
  const changed = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < changed.length; i += 5000) {
    const chunk = changed.slice(i, i + 5000);
    await sql`insert into search_terms (term, df)
      select t, n from unnest(${chunk.map(([t]) => t)}::text[], ${chunk.map(([, n]) => n)}::int[]) as x(t, n) order by t
      on conflict (term) do update set df = search_terms.df + excluded.df`.execute(trx);
  }
  await sql`update search_stats set doc_count = doc_count + ${stats.doc_count}, head_total = head_total + ${stats.head_total},
    body_total = body_total + ${stats.body_total} where id = 1`.execute(trx);
}
