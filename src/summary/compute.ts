// The `summary.compute` job: after every article change (ingest, correction), the summary of the
// article's current revision, or the reason it gets none, stored with that revision. Idempotent:
// running it twice writes the same row. A withdrawn or deleted article gets nothing. Many jobs at
// once (runBatch) read their articles, categories, photo counts and revisions in one statement each.
import { defineJob } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { SCORER_VERSION } from './scorer.ts';
import { saveSummaries, type SummaryRow } from './store.ts';
import { summarizeArticle } from './summarize.ts';

export const SUMMARY_JOB = 'summary.compute';

/** Ids per statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

type Db = Pick<AppDeps, 'db'>['db'];

export async function computeSummary(deps: Pick<AppDeps, 'db'>, articleId: number): Promise<'stored' | 'skipped'> {
  const [outcome] = await computeSummaries(deps, [articleId]);
  return outcome!;
}

/** One outcome per distinct id, in order. */
export async function computeSummaries(
  deps: Pick<AppDeps, 'db'>,
  articleIds: readonly number[],
): Promise<Array<'stored' | 'skipped'>> {
  const ids = [...new Set(articleIds)];
  const stored = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await summariesOf(deps.db, ids.slice(i, i + CHUNK));
    await saveSummaries(deps.db, rows);
    for (const r of rows) stored.add(r.articleId);
  }
  return ids.map((id) => (stored.has(id) ? 'stored' : 'skipped'));
}

async function summariesOf(db: Db, ids: number[]): Promise<SummaryRow[]> {
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'revision', 'headline', 'series', 'body_text', 'status'])
    .where('id', 'in', ids)
    .where('status', '=', 'usable')
    .execute();
  if (!articles.length) return [];
  const usable = articles.map((a) => a.id);
  const [categories, photos, revisions] = await Promise.all([
    db
      .selectFrom('article_categories')
      .innerJoin('categories', 'categories.id', 'article_categories.category_id')
      .select(['article_categories.article_id', 'categories.slug', 'categories.name_ko', 'categories.name_en'])
      .where('article_categories.article_id', 'in', usable)
      .execute(),
    db
      .selectFrom('article_photos')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', 'in', usable)
      .groupBy('article_id')
      .execute(),
    db
      .selectFrom('article_revisions')
      .innerJoin('articles', (j) =>
        j
          .onRef('articles.id', '=', 'article_revisions.article_id')
          .onRef('articles.revision', '=', 'article_revisions.revision'),
      )
      .select(['article_revisions.article_id', 'article_revisions.normalized'])
      .where('article_revisions.article_id', 'in', usable)
      .execute(),
  ]);
  const categoriesOf = new Map<number, string[]>();
  for (const c of categories)
    categoriesOf.set(c.article_id, [...(categoriesOf.get(c.article_id) ?? []), c.slug, c.name_ko, c.name_en]);
  const photoCount = new Map(photos.map((p) => [p.article_id, Number(p.n)]));
  const normalized = new Map(revisions.map((r) => [r.article_id, r.normalized]));
  return articles.map((article) => {
    const latest = normalized.get(article.id);
    // Written by ingest from a validated ArticleInput; only its genres are read here.
    const genres = latest ? ((JSON.parse(latest) as { genres?: string[] }).genres ?? []) : [];
    const result = summarizeArticle({
      headline: article.headline,
      bodyText: article.body_text,
      series: article.series,
      categories: categoriesOf.get(article.id) ?? [],
      photoCount: photoCount.get(article.id) ?? 0,
      genres,
    });
    const base = { articleId: article.id, revision: article.revision };
    return result.summary
      ? { ...base, version: result.summary.version, summary: { sentences: result.summary.sentences } }
      : { ...base, version: SCORER_VERSION, summary: { sentences: null, reason: result.reason } };
  });
}

export const summaryJob = defineJob({
  kind: SUMMARY_JOB,
  payload: articleChangedPayload,
  run: (payload, deps) => computeSummary(deps, payload.articleId),
  runBatch: (payloads, deps) =>
    computeSummaries(
      deps,
      payloads.map((p) => p.articleId),
    ),
});
