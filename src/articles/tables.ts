// Columns the articles capability added to its `articles` table after the spine (migration 0010):
// what makes an article 속보 (breaking). Merged into the core ArticleTable by declaration merging.

export interface ArticleBreakingColumns {
  /** ninjs urgency as the press last sent it (1 most urgent … 9), null when it sent none. */
  urgency: number | null;
  /** When a staff member flagged it 속보 in the studio (null: not flagged). */
  breaking_flagged_at: number | null;
  /** When it became 속보 by urgency or flag (null: it is not); the site banner reads this. */
  breaking_at: number | null;
}

declare module '../db/schema.ts' {
  interface ArticleTable extends ArticleBreakingColumns {}
}
