// Read queries behind the issue pages: a handful of indexed queries per page, none per listed item.
import type { Db } from '../db/database.ts';
import { idFromSlug } from './naming.ts';

export interface IssueSummary {
  id: number;
  slug: string;
  name: string;
  articleCount: number;
  pressCount: number;
  firstAt: number;
  lastAt: number;
  categoryId: number | null;
  hidden: boolean;
  visible: boolean;
  leadArticleId: number | null;
}

export interface IssueArticle {
  id: number;
  headline: string;
  summary: string;
  publishedAt: number;
  pressSlug: string;
  pressName: string;
  pressNameEn: string | null;
  locked: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: one row shape from several queries, typed by the IssueSummary it returns
function toSummary(r: any): IssueSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.editor_name ?? r.auto_name,
    articleCount: Number(r.article_count),
    pressCount: Number(r.press_count),
    firstAt: Number(r.first_at),
    lastAt: Number(r.last_at),
    categoryId: r.category_id,
    hidden: r.hidden === 1,
    visible: r.visible === 1,
    leadArticleId: r.pinned_article_id ?? r.lead_article_id,
  };
}

const SUMMARY_COLUMNS = [
  'id',
  'slug',
  'auto_name',
  'editor_name',
  'article_count',
  'press_count',
  'first_at',
  'last_at',
  'category_id',
  'hidden',
  'visible',
  'lead_article_id',
  'pinned_article_id',
] as const;

export type SlugLookup =
  | { kind: 'found'; issue: IssueSummary }
  | { kind: 'redirect'; slug: string }
  | { kind: 'missing' };

/** Finds an issue by slug; old or merged slugs answer with the slug to redirect to. */
export async function findIssueBySlug(db: Db, slug: string): Promise<SlugLookup> {
  let id = idFromSlug(slug);
  for (let hops = 0; id !== undefined && hops < 20; hops++) {
    const row = await db
      .selectFrom('issues')
      .select([...SUMMARY_COLUMNS, 'merged_into'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return { kind: 'missing' };
    if (row.merged_into !== null) {
      id = row.merged_into;
      continue;
    }
    if (row.slug !== slug) return { kind: 'redirect', slug: row.slug };
    return { kind: 'found', issue: toSummary(row) };
  }
  return { kind: 'missing' };
}

export async function issueArticles(db: Db, issueId: number, limit = 300): Promise<IssueArticle[]> {
  const rows = await db
    .selectFrom('issue_articles')
    .innerJoin('articles', 'articles.id', 'issue_articles.article_id')
    .innerJoin('presses', 'presses.id', 'articles.press_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.summary',
      'issue_articles.published_at',
      'issue_articles.locked',
      'presses.slug as press_slug',
      'presses.name as press_name',
      'presses.name_en as press_name_en',
    ])
    .where('issue_articles.issue_id', '=', issueId)
    .where('articles.status', '=', 'usable')
    .orderBy('issue_articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    summary: r.summary,
    publishedAt: Number(r.published_at),
    pressSlug: r.press_slug,
    pressName: r.press_name,
    pressNameEn: r.press_name_en,
    locked: r.locked === 1,
  }));
}

/** Publication times of every member (for the chart); only the column, however big the issue. */
export async function issueTimes(db: Db, issueId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('issue_articles')
    .select('published_at')
    .where('issue_id', '=', issueId)
    .orderBy('published_at')
    .limit(20_000)
    .execute();
  return rows.map((r) => Number(r.published_at));
}

/** Visible issues sharing the most top terms with this one. */
export async function relatedIssues(db: Db, issueId: number, limit = 5): Promise<IssueSummary[]> {
  const scored = await db
    .selectFrom('issue_terms as mine')
    .innerJoin('issue_terms as theirs', 'theirs.term', 'mine.term')
    .innerJoin('issues', 'issues.id', 'theirs.issue_id')
    .select(['theirs.issue_id', (eb) => eb.fn.sum<number>(eb('mine.weight', '*', eb.ref('theirs.weight'))).as('score')])
    .where('mine.issue_id', '=', issueId)
    .where('theirs.issue_id', '!=', issueId)
    .where('issues.visible', '=', 1)
    .groupBy('theirs.issue_id')
    .orderBy('score', 'desc')
    .orderBy('theirs.issue_id')
    .limit(limit)
    .execute();
  if (!scored.length) return [];
  const rows = await db
    .selectFrom('issues')
    .select(SUMMARY_COLUMNS)
    .where(
      'id',
      'in',
      scored.map((s) => s.issue_id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return scored.map((s) => byId.get(s.issue_id)!).filter(Boolean);
}

/** Visible issues that grew within `sinceMs`, newest activity first, optionally in one category. */
export async function activeIssues(
  db: Db,
  opts: { since: number; categoryId?: number; limit: number },
): Promise<IssueSummary[]> {
  const rows = await db
    .selectFrom('issues')
    .select(SUMMARY_COLUMNS)
    .where('visible', '=', 1)
    .where('last_at', '>=', opts.since)
    .$if(opts.categoryId !== undefined, (q) => q.where('category_id', '=', opts.categoryId!))
    .orderBy('last_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
  return rows.map(toSummary);
}

export async function newestVisibleActivity(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.max('last_at').as('last'))
    .where('visible', '=', 1)
    .executeTakeFirst();
  return row?.last == null ? null : Number(row.last);
}

export async function issueTagOf(db: Db, articleId: number): Promise<{ name: string; slug: string } | null> {
  const row = await db
    .selectFrom('issue_articles')
    .innerJoin('issues', 'issues.id', 'issue_articles.issue_id')
    .select(['issues.slug', 'issues.auto_name', 'issues.editor_name'])
    .where('issue_articles.article_id', '=', articleId)
    .where('issues.visible', '=', 1)
    .executeTakeFirst();
  return row ? { name: row.editor_name ?? row.auto_name, slug: row.slug } : null;
}

/** The name an editor gave the issue (null when the algorithm's name stands). */
export async function issueEditorName(db: Db, issueId: number): Promise<string | null> {
  const row = await db.selectFrom('issues').select('editor_name').where('id', '=', issueId).executeTakeFirst();
  return row?.editor_name ?? null;
}
