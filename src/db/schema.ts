// Table types for Kysely. Times are epoch milliseconds (bigint in PostgreSQL, integer in SQLite);
// flags are 0/1 integers and JSON is stored as text, so one query layer serves both databases.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface PressTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_en: string | null;
  homepage: string | null;
  description: string | null;
  description_en: string | null;
  copyright: string | null;
  api_key_hash: string | null;
  api_key_prefix: string | null;
  created_at: number;
  /** Usable articles of this press, adjusted by ingest in the article's transaction (0011). */
  article_count: Generated<number>;
  /** Logo shown in the press directory (http(s) or site-relative), when the press has one. */
  logo_url: string | null;
}

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name_ko: string;
  name_en: string;
  position: number;
}

export type ArticleStatus = 'usable' | 'withdrawn';
export type ArticleSource = 'api' | 'feed' | 'demo';

export interface ArticleTable {
  id: Generated<number>;
  press_id: number;
  uri: string;
  headline: string;
  subheadline: string | null;
  series: string | null;
  body_html: string;
  body_text: string;
  summary: string;
  lang: string;
  /** JSON: Byline[] */
  bylines: string;
  /** JSON: string[] */
  keywords: string;
  copyright: string | null;
  link: string | null;
  status: ArticleStatus;
  source: ArticleSource;
  revision: number;
  first_created_at: number;
  updated_at: number;
  received_at: number;
  withdrawn_at: number | null;
}

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  received_at: number;
  source: ArticleSource;
  pubstatus: string;
  /** JSON: exactly what the press sent (ninjs or feed item), kept for audit. */
  original: string;
  /** JSON: the normalised ninjs 2.x document after sanitising. */
  normalized: string;
}

export interface ArticleCategoryTable {
  article_id: number;
  category_id: number;
}

export interface ArticlePhotoTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  url: string;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  alt: string | null;
}

export type Role = 'admin' | 'editor' | 'press';

export interface UserTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: Role;
  press_id: number | null;
  display_name: string | null;
  disabled: number;
  created_at: number;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  /** Which capability's account signed in ('staff', later 'reader'); see src/capability.ts PrincipalKind. */
  principal_kind: string;
  principal_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  user_agent: string | null;
  /** 1: kept for SOSIK_SESSION_DAYS ("remember me"); 0: the cookie ends with the browser. */
  persistent: number;
}

export interface RateBucketTable {
  key: string;
  window_start: number;
  count: number;
}

export type JobStatus = 'pending' | 'done' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** JSON payload. */
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

/** Core tables. A capability that owns tables declares them in its own `tables.ts` and merges them
 * into `Database` there (`declare module '../db/schema.ts' { interface Database extends … {} }`). */
export interface CoreTables {
  presses: PressTable;
  categories: CategoryTable;
  articles: ArticleTable;
  article_revisions: ArticleRevisionTable;
  article_categories: ArticleCategoryTable;
  article_photos: ArticlePhotoTable;
  users: UserTable;
  sessions: SessionTable;
  rate_buckets: RateBucketTable;
  jobs: JobTable;
}

// biome-ignore lint/suspicious/noEmptyInterface: capabilities merge their tables into it
export interface Database extends CoreTables {}

export type Press = Selectable<PressTable>;
export type Category = Selectable<CategoryTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type ArticlePhoto = Selectable<ArticlePhotoTable>;
export type User = Selectable<UserTable>;
export type Job = Selectable<JobTable>;
