// Many articles at once (`sosik import`, POST /api/v1/articles/batch): the same rules as
// ingest.ts, atomic per item, but a few hundred items share one transaction and each table gets
// one multi-row statement per chunk instead of one per item. Limits and sanitising run before the
// transaction, so a slow body never holds the write lock. When a chunk's transaction fails (a
// concurrent writer took a uri, a row the database refuses), its items are stored again one per
// transaction, so one bad item costs only itself.
import { announceIngest } from './announce.ts';
import { movePressArticleCount, publishedDelta } from './press-count.ts';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../deps.ts';
import type { ArticleRow, Category, Database } from '../db/schema.ts';
import { AppError, Errors } from '../errors.ts';
import { enqueueJobs } from '../jobs/queue.ts';
import { matchCategories } from './category-match.ts';
import {
  articleRow,
  type IngestRequest,
  type IngestResult,
  isUnchanged,
  photoRows,
  type PreparedArticle,
  prepareArticle,
  revisionRow,
} from './ingest-rows.ts';

export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: AppError };

/** Items per transaction: large enough to amortise the commit, small enough to hold the lock briefly. */
export const INGEST_CHUNK = 250;
/** Bound parameters per statement, below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 16_000;
/** Longest stretch of sanitising before other requests get the event loop. */
const YIELD_AFTER_MS = 5;

/** Stores every request it can; one outcome per request, in order. */
export async function ingestArticles(deps: AppDeps, reqs: readonly IngestRequest[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(reqs.length);
  const ready: Array<{ index: number; item: PreparedArticle }> = [];
  // Small bodies are sanitised inline (src/html/sanitize-pool.ts): hundreds in a row would hold
  // the event loop for a tenth of a second, so hand it back every few milliseconds.
  let slice = performance.now();
  for (let index = 0; index < reqs.length; index++) {
    try {
      ready.push({ index, item: await prepareArticle(reqs[index]!) });
    } catch (err) {
      outcomes[index] = { ok: false, error: asAppError(deps, err) };
    }
    if (performance.now() - slice > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  let changed = false;
  for (const chunk of chunksWithoutRepeats(ready)) {
    const results = await storeChunkOrEach(
      deps,
      chunk.map((c) => c.item),
    );
    results.forEach((r, i) => {
      outcomes[chunk[i]!.index] = r;
      if (!r.ok) return;
      if (r.result.changed) changed = true;
      // After the chunk's commit, as for one article: every process's page cache hears of it.
      announceIngest(deps, chunk[i]!.item.req.pressId, r.result);
    });
  }
  if (changed) deps.nudgeJobs();
  return outcomes;
}

/**
 * Splits the items into chunks in which no press uri or link occurs twice: the second delivery of
 * an article in one batch must see the first as its existing version, so it goes to a later chunk.
 */
function chunksWithoutRepeats<T extends { item: PreparedArticle }>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let seen = new Set<string>();
  for (const it of items) {
    const keys = [`u${it.item.req.pressId}\u0000${it.item.input.uri}`];
    if (it.item.input.link) keys.push(`l${it.item.req.pressId}\u0000${it.item.input.link}`);
    if (current.length >= INGEST_CHUNK || keys.some((k) => seen.has(k))) {
      chunks.push(current);
      current = [];
      seen = new Set();
    }
    current.push(it);
    for (const k of keys) seen.add(k);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

async function storeChunkOrEach(deps: AppDeps, items: PreparedArticle[]): Promise<BatchOutcome[]> {
  try {
    const results = await deps.db.transaction().execute((trx) => storeChunk(deps, trx, items));
    return results.map((result) => ({ ok: true, result }));
  } catch (err) {
    if (items.length === 1) return [{ ok: false, error: asAppError(deps, err) }];
    deps.log.warn({ err, items: items.length }, 'batch chunk failed; storing its items one by one');
    const out: BatchOutcome[] = [];
    for (const item of items) out.push(...(await storeChunkOrEach(deps, [item])));
    return out;
  }
}

/** Two items of one chunk resolved to the same stored article (by uri and by link): store singly. */
class SameArticleTwice extends Error {}

async function storeChunk(
  deps: AppDeps,
  trx: Transaction<Database>,
  items: PreparedArticle[],
): Promise<IngestResult[]> {
  const existing = await findExisting(trx, items);
  const existingIds = [...new Set(existing.filter((e) => e !== undefined).map((e) => e.id))];
  if (existingIds.length !== existing.filter((e) => e !== undefined).length) throw new SameArticleTwice();
  const latest = await latestNormalized(trx, existingIds);
  const categories: Category[] = await trx.selectFrom('categories').selectAll().execute();

  const results: IngestResult[] = new Array(items.length);
  const writes: Array<{ i: number; row: ReturnType<typeof articleRow> }> = [];
  for (let i = 0; i < items.length; i++) {
    const ex = existing[i];
    if (ex && isUnchanged(items[i]!, ex, latest.get(ex.id))) {
      results[i] = { id: ex.id, created: false, changed: false, status: ex.status, revision: ex.revision };
    } else {
      writes.push({ i, row: articleRow(items[i]!, ex) });
    }
  }
  if (!writes.length) return results;

  const ids = new Map<number, number>();
  const updatedIds: number[] = [];
  const fresh: typeof writes = [];
  for (const w of writes) {
    const ex = existing[w.i];
    if (!ex) {
      fresh.push(w);
      continue;
    }
    await trx.updateTable('articles').set(w.row).where('id', '=', ex.id).execute();
    ids.set(w.i, ex.id);
    updatedIds.push(ex.id);
  }
  if (fresh.length) {
    const rows = fresh.map((w) => ({ ...w.row, press_id: items[w.i]!.req.pressId, uri: items[w.i]!.input.uri }));
    const byKey = new Map<string, number>();
    for (const part of byParams(rows)) {
      const inserted = await trx.insertInto('articles').values(part).returning(['id', 'press_id', 'uri']).execute();
      for (const r of inserted) byKey.set(`${r.press_id}\u0000${r.uri}`, r.id);
    }
    for (const w of fresh) ids.set(w.i, byKey.get(`${items[w.i]!.req.pressId}\u0000${items[w.i]!.input.uri}`)!);
  }
  if (updatedIds.length) {
    await trx.deleteFrom('article_categories').where('article_id', 'in', updatedIds).execute();
    await trx.deleteFrom('article_photos').where('article_id', 'in', updatedIds).execute();
  }

  const categoryRows = writes.flatMap((w) =>
    matchCategories(items[w.i]!.input.subjects, categories).map((category_id) => ({
      article_id: ids.get(w.i)!,
      category_id,
    })),
  );
  for (const part of byParams(categoryRows)) await trx.insertInto('article_categories').values(part).execute();
  const photos = writes.flatMap((w) => photoRows(ids.get(w.i)!, items[w.i]!.photos));
  for (const part of byParams(photos)) await trx.insertInto('article_photos').values(part).execute();
  const revisions = writes.map((w) => revisionRow(items[w.i]!, ids.get(w.i)!, w.row.revision));
  for (const part of byParams(revisions)) await trx.insertInto('article_revisions').values(part).execute();
  // Whatever follows an article change (indexing, clustering…) is declared by capabilities.
  const kinds = deps.registry.articleChangedJobs;
  await enqueueJobs(
    trx,
    writes.flatMap((w) => kinds.map((kind) => ({ kind, payload: { articleId: ids.get(w.i)! } }))),
  );
  // One relative update per press for the whole chunk, not one per article.
  const countMoves = new Map<number, number>();
  for (const w of writes) {
    const pressId = items[w.i]!.req.pressId;
    countMoves.set(pressId, (countMoves.get(pressId) ?? 0) + publishedDelta(existing[w.i]?.status, items[w.i]!.status));
  }
  for (const [pressId, delta] of countMoves) await movePressArticleCount(trx, pressId, delta);
  for (const w of writes) {
    results[w.i] = {
      id: ids.get(w.i)!,
      created: !existing[w.i],
      changed: true,
      status: items[w.i]!.status,
      revision: w.row.revision,
    };
  }
  return results;
}

/** The stored article each item updates: same press and uri, else same press and link (oldest). */
async function findExisting(
  trx: Transaction<Database>,
  items: PreparedArticle[],
): Promise<Array<ArticleRow | undefined>> {
  const out: Array<ArticleRow | undefined> = new Array(items.length);
  const byPress = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const list = byPress.get(items[i]!.req.pressId);
    if (list) list.push(i);
    else byPress.set(items[i]!.req.pressId, [i]);
  }
  for (const [pressId, indexes] of byPress) {
    // Separate uri and link look-ups, each an indexed IN list (see ingest.ts on why not OR).
    const uris = indexes.map((i) => items[i]!.input.uri);
    const byUri = new Map<string, ArticleRow>();
    for (let k = 0; k < uris.length; k += 500) {
      const rows = await trx
        .selectFrom('articles')
        .selectAll()
        .where('press_id', '=', pressId)
        .where('uri', 'in', uris.slice(k, k + 500))
        .execute();
      for (const r of rows) byUri.set(r.uri, r);
    }
    const needLink = indexes.filter((i) => !byUri.has(items[i]!.input.uri) && items[i]!.input.link);
    const byLink = new Map<string, ArticleRow>();
    const links = needLink.map((i) => items[i]!.input.link!);
    for (let k = 0; k < links.length; k += 500) {
      const rows = await trx
        .selectFrom('articles')
        .selectAll()
        .where('press_id', '=', pressId)
        .where('link', 'in', links.slice(k, k + 500))
        .orderBy('id')
        .execute();
      for (const r of rows) if (r.link && !byLink.has(r.link)) byLink.set(r.link, r);
    }
    for (const i of indexes)
      out[i] = byUri.get(items[i]!.input.uri) ?? (items[i]!.input.link ? byLink.get(items[i]!.input.link!) : undefined);
  }
  return out;
}

/** The normalised content of each article's current revision. */
async function latestNormalized(trx: Transaction<Database>, articleIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let k = 0; k < articleIds.length; k += 500) {
    const rows = await trx
      .selectFrom('article_revisions as r')
      .innerJoin('articles as a', (j) => j.onRef('a.id', '=', 'r.article_id').onRef('a.revision', '=', 'r.revision'))
      .select(['r.article_id', 'r.normalized'])
      .where('r.article_id', 'in', articleIds.slice(k, k + 500))
      .execute();
    for (const r of rows) out.set(r.article_id, r.normalized);
  }
  return out;
}

/** Splits rows so that no statement binds more than MAX_PARAMS values. */
function* byParams<T extends object>(rows: readonly T[]): Generator<T[]> {
  if (!rows.length) return;
  const perRow = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function asAppError(deps: AppDeps, err: unknown): AppError {
  if (err instanceof AppError) return err;
  deps.log.error({ err }, 'article refused by an unexpected error');
  return Errors.internal(err);
}
