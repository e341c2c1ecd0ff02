// Keeps the index in step with the article store: one article (job handler) or all of them (CLI).
import type { AppDeps } from '../deps.ts';
import type { Db, Dialect } from '../db/database.ts';
import { analyzeArticle, type ArticleForIndex } from './document.ts';
import { PostgresSearchIndex } from './postgres-index.ts';
import type { SearchIndex } from './search-index.ts';
import { SqliteSearchIndex } from './sqlite-index.ts';

export type IndexDeps = Pick<AppDeps, 'db' | 'dialect'>;

/** Documents analysed and written per index transaction in a batch. */
const INDEX_SLICE = 25;

export function searchIndexFor(db: Db, dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
}

const ARTICLE_COLUMNS = [
  'id',
  'revision',
  'press_id',
  'first_created_at',
  'headline',
  'subheadline',
  'body_text',
  'keywords',
  'status',
] as const;

/**
 * Brings one article's index entry up to date: (re)indexed when usable, removed when withdrawn or
 * gone. Idempotent, so the job may run any number of times.
 */
export async function indexArticle(deps: IndexDeps, articleId: number): Promise<'indexed' | 'removed'> {
  const index = searchIndexFor(deps.db, deps.dialect);
  const article = await deps.db
    .selectFrom('articles')
    .select(ARTICLE_COLUMNS)
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article || article.status !== 'usable') {
    await index.remove([articleId]);
    return 'removed';
  }
  await index.upsert([analyzeArticle(article as ArticleForIndex)]);
  return 'indexed';
}

/**
 * `indexArticle` for many articles at once (the job's runBatch): one read of the articles, one
 * index transaction for the usable ones and one for the rest. Same end state as one by one.
 */
export async function indexArticles(deps: IndexDeps, articleIds: readonly number[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  const index = searchIndexFor(deps.db, deps.dialect);
  const usable: ArticleForIndex[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await deps.db
      .selectFrom('articles')
      .select(ARTICLE_COLUMNS)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.status === 'usable') usable.push(r as ArticleForIndex);
  }
  const indexed = new Set(usable.map((a) => a.id));
  // Analysis is CPU work on the event loop: a few dozen documents per index transaction, then
  // other work (API requests in the same process) gets a turn.
  for (let i = 0; i < usable.length; i += INDEX_SLICE) {
    await index.upsert(usable.slice(i, i + INDEX_SLICE).map(analyzeArticle));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await index.remove(ids.filter((id) => !indexed.has(id)));
}

export interface ReindexProgress {
  done: number;
  total: number;
}

/** Articles read, analysed and written per transaction by a full rebuild. */
const REBUILD_SLICE = 2000;

/**
 * Rebuilds the whole index from the store in large slices (one multi-row transaction each),
 * reporting progress after each. On PostgreSQL a slice's write runs in the database while the next
 * slice is analysed here. Ends by compacting the index (FTS5 segment merge / vacuum analyze).
 */
export async function reindexAll(
  deps: IndexDeps,
  onProgress: (p: ReindexProgress) => void = () => {},
  batchSize = REBUILD_SLICE,
): Promise<ReindexProgress> {
  const index = searchIndexFor(deps.db, deps.dialect);
  const counted = await deps.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'usable')
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  await index.clear();
  let done = 0;
  let lastId = 0;
  let writing: Promise<void> = Promise.resolve();
  onProgress({ done, total });
  for (;;) {
    const batch = await deps.db
      .selectFrom('articles')
      .select(ARTICLE_COLUMNS)
      .where('status', '=', 'usable')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (!batch.length) break;
    const docs = batch.map((a) => analyzeArticle(a as ArticleForIndex));
    await writing;
    onProgress({ done, total: Math.max(total, done) });
    writing = index.upsert(docs);
    writing.catch(() => {}); // awaited (and thrown) above or below; not an unhandled rejection meanwhile
    lastId = batch[batch.length - 1].id;
    done += batch.length;
  }
  await writing;
  onProgress({ done, total: Math.max(total, done) });
  await index.optimize();
  return { done, total: Math.max(total, done) };
}
