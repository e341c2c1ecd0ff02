// SQL conditions for search filters, shared by both backends (the same tables exist in both).
import { sql, type RawBuilder } from 'kysely';
import type { SearchFilters } from './search-index.ts';

/**
 * Where issue membership lives (owned by the issues capability). Kept in one place so the
 * search filter follows if that table is renamed.
 */
export const ISSUE_MEMBERSHIP = {
  table: 'issue_articles',
  issueColumn: 'issue_id',
  articleColumn: 'article_id',
} as const;

/** Whether the filters narrow the matches at all (filterConditions is empty when not). */
export function hasFilters(f: SearchFilters): boolean {
  return Boolean(
    f.pressIds?.length ||
      f.categoryIds?.length ||
      f.issueId !== undefined ||
      f.from !== undefined ||
      f.to !== undefined,
  );
}

/** `and …` conditions on search_docs aliased `d` (empty when there are no filters). */
export function filterConditions(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.pressIds?.length) parts.push(sql`d.press_id in (${sql.join(f.pressIds)})`);
  if (f.from !== undefined) parts.push(sql`d.published_at >= ${f.from}`);
  if (f.to !== undefined) parts.push(sql`d.published_at <= ${f.to}`);
  if (f.categoryIds?.length) {
    parts.push(
      sql`exists (select 1 from article_categories ac where ac.article_id = d.article_id and ac.category_id in (${sql.join(f.categoryIds)}))`,
    );
  }
  if (f.issueId !== undefined) {
    const m = ISSUE_MEMBERSHIP;
    parts.push(
      sql`exists (select 1 from ${sql.table(m.table)} im where im.${sql.ref(m.articleColumn)} = d.article_id and im.${sql.ref(m.issueColumn)} = ${f.issueId})`,
    );
  }
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}
