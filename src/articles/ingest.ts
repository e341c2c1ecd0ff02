// The one way an article enters Sosik, whether a press POSTs ninjs or its feed is pulled:
// sanitise, categorise, store the current version plus a revision, and enqueue the follow-up
// jobs the capabilities declared (`onArticleChanged`) — all in one transaction, so nothing is half-written and nothing accepted is lost.
// Many items at once (bulk import, the batch API) take ingest-batch.ts, which shares the rows.
import type { AppDeps } from '../deps.ts';
import { enqueueJobs } from '../jobs/queue.ts';
import { matchCategories } from './category-match.ts';
import { announceIngest } from './announce.ts';
import {
  articleRow,
  type IngestRequest,
  type IngestResult,
  isUnchanged,
  photoRows,
  prepareArticle,
  revisionRow,
} from './ingest-rows.ts';
import { adjustPressArticleCount } from './press-count.ts';
import { articleCommitted } from '../jobs/article-events.ts';
import { isUrgent } from './breaking.ts';

export type { IngestRequest, IngestResult } from './ingest-rows.ts';

export async function ingestArticle(deps: AppDeps, req: IngestRequest): Promise<IngestResult> {
  // Limits and sanitising (bounded, off the main thread for large bodies) before the transaction.
  const prepared = await prepareArticle(req);
  const { input } = prepared;

  const result = await deps.db.transaction().execute(async (trx) => {
    // Two indexed look-ups, not one "uri = ? OR link = ?": SQLite plans that OR as a scan of all
    // the press's articles, which made every ingest slower as the press grew.
    const byUri = await trx
      .selectFrom('articles')
      .selectAll()
      .where('press_id', '=', req.pressId)
      .where('uri', '=', input.uri)
      .executeTakeFirst();
    const existing =
      byUri ??
      (input.link
        ? await trx
            .selectFrom('articles')
            .selectAll()
            .where('press_id', '=', req.pressId)
            .where('link', '=', input.link)
            .orderBy('id')
            .executeTakeFirst()
        : undefined);

    if (existing) {
      const latest = await trx
        .selectFrom('article_revisions')
        .select(['normalized'])
        .where('article_id', '=', existing.id)
        .orderBy('revision', 'desc')
        .executeTakeFirst();
      if (isUnchanged(prepared, existing, latest?.normalized)) {
        return {
          id: existing.id,
          created: false,
          changed: false,
          status: existing.status,
          revision: existing.revision,
        };
      }
    }

    const categories = await trx.selectFrom('categories').selectAll().execute();
    const categoryIds = matchCategories(input.subjects, categories);
    const row = articleRow(prepared, existing);

    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('articles').set(row).where('id', '=', id).execute();
      await trx.deleteFrom('article_categories').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_photos').where('article_id', '=', id).execute();
    } else {
      const inserted = await trx
        .insertInto('articles')
        .values({ ...row, press_id: req.pressId, uri: input.uri })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    }
    if (categoryIds.length) {
      await trx
        .insertInto('article_categories')
        .values(categoryIds.map((category_id) => ({ article_id: id, category_id })))
        .execute();
    }
    if (prepared.photos.length) await trx.insertInto('article_photos').values(photoRows(id, prepared.photos)).execute();
    await trx
      .insertInto('article_revisions')
      .values(revisionRow(prepared, id, row.revision))
      .execute();
    // Whatever follows an article change (indexing, clustering…) is declared by capabilities.
    await enqueueJobs(
      trx,
      deps.registry.articleChangedJobs.map((kind) => ({ kind, payload: { articleId: id } })),
    );
    // Last: every ingest of this press updates its row, and on PostgreSQL the row stays locked
    // until the commit, so concurrent POSTs of one press queue on it for as short a time as can be.
    await adjustPressArticleCount(trx, req.pressId, existing?.status, prepared.status);
    return { id, created: !existing, changed: true, status: prepared.status, revision: row.revision };
  });

  if (result.changed) {
    deps.nudgeJobs();
    // This process's in-memory copies (site frame, breaking banner) look again at once.
    if (result.status === 'withdrawn') await articleCommitted(deps.db, { articleId: result.id, change: 'withdrawn' });
    else if (isUrgent(input.urgency)) await articleCommitted(deps.db, { articleId: result.id, change: 'breaking' });
  }
  announceIngest(deps, req.pressId, result);
  return result;
}
