// Tables owned by the issues capability (merged into Database below).
import type { Generated } from 'kysely';

export interface IssueTable {
  id: Generated<number>;
  /** Fixed at creation (id + first headline words), so links survive renames. */
  slug: string;
  /** The name the algorithm gives (most representative headline). */
  auto_name: string;
  /** An editor's name; wins over auto_name and is never overwritten by the algorithm. */
  editor_name: string | null;
  /** The most representative article, kept current by the algorithm. */
  lead_article_id: number | null;
  /** An editor's choice of lead; wins over lead_article_id. */
  pinned_article_id: number | null;
  hidden: number;
  /** Set when an editor touched the issue: the algorithm then never merges it away or into others. */
  curated: number;
  /** Set when this issue was merged into another (its slug then redirects there). */
  merged_into: number | null;
  category_id: number | null;
  article_count: number;
  press_count: number;
  /** 1 when it has enough presses, is not hidden and not merged: the pages show it. */
  visible: number;
  first_at: number;
  last_at: number;
  created_at: number;
  updated_at: number;
  /** JSON [[term, weight], …]: the clustering centroid (sum of members' normalised tf). */
  centroid: string;
}

export interface IssueArticleTable {
  article_id: number;
  issue_id: number;
  press_id: number;
  published_at: number;
  /** Article revision this membership was computed from (a re-run with the same revision is a no-op). */
  revision: number;
  similarity: number;
  /** 1 when an editor locked the article to this issue. */
  locked: number;
  /** JSON [[term, weight], …]: the article's tf vector, taken back out when it leaves. */
  vector: string;
  assigned_at: number;
}

/** Top terms of each issue: related issues, and rebuilding the candidate index. */
export interface IssueTermTable {
  term: string;
  issue_id: number;
  weight: number;
}

/** An editor moved the article out of the issue: the algorithm never puts it back. */
export interface IssueExclusionTable {
  article_id: number;
  issue_id: number;
}

/** Audit trail of editors' decisions. */
export interface IssueDecisionTable {
  id: Generated<number>;
  issue_id: number;
  action: string;
  article_id: number | null;
  other_issue_id: number | null;
  user_id: number | null;
  detail: string | null;
  created_at: number;
}

/** Document frequencies for the incremental IDF. */
export interface IssueDfTable {
  term: string;
  df: number;
}

/** One row (id 1): documents counted and a change counter other processes compare with their cache. */
export interface IssueStateTable {
  id: number;
  docs: number;
  seq: number;
}

export interface IssueTables {
  issues: IssueTable;
  issue_articles: IssueArticleTable;
  issue_terms: IssueTermTable;
  issue_exclusions: IssueExclusionTable;
  issue_decisions: IssueDecisionTable;
  issue_df: IssueDfTable;
  issue_state: IssueStateTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends IssueTables {}
}
