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

/** Adds many documents' distinct terms to the document frequencies: `counts` is term → documents. */
export async function addDocumentFrequencyCounts(trx: Trx, counts: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...counts].map(([term, df]) => ({ term, df }));
  // Sorted: two PostgreSQL workers upserting overlapping terms lock them in the same order (no deadlock).
  rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('issue_df')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`issue_df.df + excluded.df` }))
      .execute();
  }
}
