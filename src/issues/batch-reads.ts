// The reads and the one write of an `issues.assign` batch that cover many articles at once (the
// per-article versions live in store.ts): a few statements per batch instead of a few per article.
import { sql } from 'kysely';
import type { ArticleForIssue, Membership, Trx } from './store.ts';

/** Ids per statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

async function chunked<T>(ids: readonly number[], read: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

export async function loadArticles(
  trx: Pick<Trx, 'selectFrom'>,
  ids: readonly number[],
): Promise<Map<number, ArticleForIssue>> {
  const rows = await chunked(ids, (slice) =>
    trx
      .selectFrom('articles')
      .select(['id', 'press_id', 'headline', 'body_text', 'status', 'revision', 'first_created_at'])
      .where('id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findMemberships(trx: Trx, ids: readonly number[]): Promise<Map<number, Membership>> {
  const rows = await chunked(ids, (slice) =>
    trx
      .selectFrom('issue_articles')
      .select(['article_id', 'issue_id', 'revision', 'locked', 'vector'])
      .where('article_id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.article_id, r]));
}

/** Each article's issues an editor took it out of. */
export async function exclusionsOfMany(trx: Trx, ids: readonly number[]): Promise<Map<number, Set<number>>> {
  const rows = await chunked(ids, (slice) =>
    trx.selectFrom('issue_exclusions').select(['article_id', 'issue_id']).where('article_id', 'in', slice).execute(),
  );
  const out = new Map<number, Set<number>>();
  for (const r of rows) {
    const set = out.get(r.article_id) ?? new Set<number>();
    set.add(r.issue_id);
    out.set(r.article_id, set);
  }
  return out;
}

/** Terms per document-frequency upsert: each statement carries them as one or two array parameters. */
const DF_CHUNK = 5000;

/**
 * Adds many documents' distinct terms to the document frequencies: `counts` is term → documents.
 * A slice of articles brings thousands of distinct terms; they travel as a JSON array (SQLite,
 * json_each) or two arrays (PostgreSQL, unnest) instead of two parameters each, so building the
 * statement costs nothing per term and one statement covers the slice.
 */
export async function addDocumentFrequencyCounts(
  trx: Trx,
  dialect: 'sqlite' | 'postgres',
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  // Sorted: two PostgreSQL workers upserting overlapping terms lock them in the same order (no deadlock).
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < rows.length; i += DF_CHUNK) {
    const chunk = rows.slice(i, i + DF_CHUNK);
    if (dialect === 'postgres') {
      await sql`insert into issue_df (term, df)
        select t, n from unnest(${chunk.map(([t]) => t)}::text[], ${chunk.map(([, n]) => n)}::int[]) as x(t, n) order by t
        on conflict (term) do update set df = issue_df.df + excluded.df`.execute(trx);
    } else {
      // "where true": SQLite's grammar needs it between a select and its upsert clause.
      await sql`insert into issue_df (term, df)
        select value ->> 0, value ->> 1 from json_each(${JSON.stringify(chunk)}) where true
        on conflict (term) do update set df = issue_df.df + excluded.df`.execute(trx);
    }
  }
}
