// The one way an article enters Sosik, whether a press POSTs ninjs or its feed is pulled:
// sanitise, categorise, store the current version plus a revision, and enqueue the follow-up
// jobs the capabilities declared (`onArticleChanged`) — all in one transaction, so nothing is half-written and nothing accepted is lost.
import type { AppDeps } from '../deps.ts';
import type { ArticleSource, ArticleStatus } from '../db/schema.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { sanitizeArticleBody } from '../html/sanitize-pool.ts';
import { matchCategories } from './category-match.ts';
import { checkArticleInput } from './input-limits.ts';
import { adjustPressArticleCount } from './press-count.ts';
import type { ArticleInput, PhotoInput } from './model.ts';

export interface IngestRequest {
  pressId: number;
  source: ArticleSource;
  input: ArticleInput;
  /** Exactly what arrived (ninjs object or feed item), kept for audit. */
  original: unknown;
  /** Lets the bundled demo content reference images under /static/. */
  trustLocalMedia?: boolean;
  now?: number;
}

export interface IngestResult {
  id: number;
  created: boolean;
  /** False when the same content arrived again (a feed re-polled) or an older version arrived late. */
  changed: boolean;
  status: ArticleStatus;
  revision: number;
}

const SUMMARY_CHARS = 160;

export async function ingestArticle(deps: AppDeps, req: IngestRequest): Promise<IngestResult> {
  const now = req.now ?? Date.now();
  // The same limits for API and feed items, before any work is spent on them.
  const input = checkArticleInput(req.input);
  // Bounded, and off the main thread for large bodies (press/sanitize-pool.ts).
  const { html: bodyHtml, text: bodyText } = await sanitizeArticleBody(input.bodyHtml);
  const photos = input.photos.filter((p) => acceptablePhotoUrl(p.url, req.trustLocalMedia)).slice(0, 30);
  const normalized = JSON.stringify({ ...input, bodyHtml, photos });
  const status: ArticleStatus = input.pubstatus === 'usable' ? 'usable' : 'withdrawn';

  const result = await deps.db.transaction().execute(async (trx) => {
    // Two indexed look-ups, not one "uri = ? OR link = ?": SQLite plans that OR as a scan of all
    // the press's articles, which made every ingest slower as the press grew.
    const byUri = await trx.selectFrom('articles').selectAll().where('press_id', '=', req.pressId).where('uri', '=', input.uri).executeTakeFirst();
    const existing =
      byUri ??
      (input.link
        ? await trx.selectFrom('articles').selectAll().where('press_id', '=', req.pressId).where('link', '=', input.link).orderBy('id').executeTakeFirst()
        : undefined);

    if (existing) {
      const latest = await trx
        .selectFrom('article_revisions')
        .select(['normalized'])
        .where('article_id', '=', existing.id)
        .orderBy('revision', 'desc')
        .executeTakeFirst();
      const sameContent = latest?.normalized === normalized && existing.status === status;
      const stale = input.versionCreated !== undefined && input.versionCreated < existing.updated_at;
      if (sameContent || stale) {
        return { id: existing.id, created: false, changed: false, status: existing.status, revision: existing.revision };
      }
    }

    const categories = await trx.selectFrom('categories').selectAll().execute();
    const categoryIds = matchCategories(input.subjects, categories);
    const firstCreated = Math.min(input.firstCreated ?? existing?.first_created_at ?? input.versionCreated ?? now, now);
    const revision = (existing?.revision ?? 0) + 1;
    const row = {
      headline: input.headline.trim(),
      subheadline: input.subheadline ?? null,
      series: input.series ?? null,
      body_html: bodyHtml,
      body_text: bodyText,
      summary: summarise(input.subheadline, bodyText),
      lang: input.lang,
      bylines: JSON.stringify(input.bylines),
      keywords: JSON.stringify(input.keywords),
      copyright: input.copyright ?? null,
      link: input.link ?? existing?.link ?? null,
      status,
      source: req.source,
      revision,
      first_created_at: firstCreated,
      updated_at: existing ? Math.min(input.versionCreated ?? now, now) : Math.min(input.versionCreated ?? firstCreated, now),
      received_at: now,
      withdrawn_at: status === 'withdrawn' ? (existing?.withdrawn_at ?? now) : null,
    };

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
    if (photos.length) await trx.insertInto('article_photos').values(photos.map((p, i) => photoRow(id, i, p))).execute();
    await trx
      .insertInto('article_revisions')
      .values({
        article_id: id,
        revision,
        received_at: now,
        source: req.source,
        pubstatus: input.pubstatus,
        original: JSON.stringify(req.original),
        normalized,
      })
      .execute();
    await adjustPressArticleCount(trx, req.pressId, existing?.status, status);
    // Whatever follows an article change (indexing, clustering…) is declared by capabilities.
    for (const kind of deps.registry.articleChangedJobs) await enqueueJob(trx, kind, { articleId: id });
    return { id, created: !existing, changed: true, status, revision };
  });

  if (result.changed) deps.nudgeJobs();
  return result;
}

function photoRow(articleId: number, position: number, p: PhotoInput) {
  return {
    article_id: articleId,
    position,
    url: p.url,
    width: p.width ?? null,
    height: p.height ?? null,
    caption: p.caption ?? null,
    credit: p.credit ?? null,
    alt: p.alt ?? null,
  };
}

function acceptablePhotoUrl(url: string, trustLocalMedia = false): boolean {
  if (trustLocalMedia && /^\/static\/[\w./-]+$/.test(url) && !url.includes('..')) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function summarise(subheadline: string | undefined, bodyText: string): string {
  const source = subheadline?.trim() || bodyText.split('\n').find((l) => l.trim().length > 0) || '';
  return source.length > SUMMARY_CHARS ? `${source.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : source;
}
