// The `summary.compute` job: after every article change (ingest, correction), the summary of the
// article's current revision, or the reason it gets none, stored with that revision. Idempotent:
// running it twice writes the same row. A withdrawn or deleted article gets nothing.
import { defineJob } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { SCORER_VERSION } from './scorer.ts';
import { saveSummary } from './store.ts';
import { summarizeArticle } from './summarize.ts';

export const SUMMARY_JOB = 'summary.compute';

export async function computeSummary(deps: Pick<AppDeps, 'db'>, articleId: number): Promise<'stored' | 'skipped'> {
  const article = await deps.db
    .selectFrom('articles')
    .select(['id', 'revision', 'headline', 'series', 'body_text', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (article?.status !== 'usable') return 'skipped';
  const [categories, photos, latest] = await Promise.all([
    deps.db
      .selectFrom('article_categories')
      .innerJoin('categories', 'categories.id', 'article_categories.category_id')
      .select(['categories.slug', 'categories.name_ko', 'categories.name_en'])
      .where('article_categories.article_id', '=', articleId)
      .execute(),
    deps.db
      .selectFrom('article_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_id', '=', articleId)
      .executeTakeFirst(),
    deps.db
      .selectFrom('article_revisions')
      .select('normalized')
      .where('article_id', '=', articleId)
      .where('revision', '=', article.revision)
      .executeTakeFirst(),
  ]);
  // Written by ingest from a validated ArticleInput; only its genres are read here.
  const genres = latest ? ((JSON.parse(latest.normalized) as { genres?: string[] }).genres ?? []) : [];
  const result = summarizeArticle({
    headline: article.headline,
    bodyText: article.body_text,
    series: article.series,
    categories: categories.flatMap((c) => [c.slug, c.name_ko, c.name_en]),
    photoCount: Number(photos?.n ?? 0),
    genres,
  });
  if (result.summary) {
    await saveSummary(deps.db, article.id, article.revision, result.summary.version, {
      sentences: result.summary.sentences,
    });
  } else {
    await saveSummary(deps.db, article.id, article.revision, SCORER_VERSION, {
      sentences: null,
      reason: result.reason,
    });
  }
  return 'stored';
}

export const summaryJob = defineJob({
  kind: SUMMARY_JOB,
  payload: articleChangedPayload,
  run: (payload, deps) => computeSummary(deps, payload.articleId),
});
