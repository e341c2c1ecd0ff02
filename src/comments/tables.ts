// Tables of the comments capability (created by src/db/migrations/0014-comments.ts and 0018-comment-reply-mail.ts).
import type { Generated, Selectable } from 'kysely';

export type CommentStatus = 'published' | 'held' | 'rejected' | 'deleted_author' | 'deleted_moderator';

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  reader_id: number | null;
  body: string;
  original: string;
  body_key: string;
  status: CommentStatus;
  status_phase: string | null;
  status_reason: string | null;
  flagged: Generated<number>;
  likes: Generated<number>;
  dislikes: Generated<number>;
  wilson: Generated<number>;
  reply_count: Generated<number>;
  report_count: Generated<number>;
  fold_count: Generated<number>;
  appealed_at: number | null;
  appeal_text: string | null;
  created_at: number;
  updated_at: number;
}

export interface CommentVoteTable {
  comment_id: number;
  reader_id: number;
  value: number;
  created_at: number;
}

export interface CommentDecisionTable {
  id: Generated<number>;
  comment_id: number;
  phase: string;
  action: string;
  reason: string;
  /** JSON. */
  evidence: string;
  staff_id: number | null;
  created_at: number;
}

export interface CommentCounterTable {
  reader_id: number;
  bucket: string;
  count: number;
  last_at: number;
}

export interface CommentReportTable {
  comment_id: number;
  reader_id: number;
  kind: 'report' | 'fold';
  reason: string;
  resolved_at: number | null;
  created_at: number;
}

export interface CommentBanTable {
  reader_id: number;
  until: number | null;
  reason: string;
  staff_id: number | null;
  created_at: number;
}

export interface CommentReaderPrefTable {
  reader_id: number;
  show_flagged: number;
}

export interface CommentHiddenAuthorTable {
  reader_id: number;
  author_id: number;
  created_at: number;
}

export interface CommentArticleSettingTable {
  article_id: number;
  closed_at: number | null;
  staff_id: number | null;
}

export interface CommentCategoryRuleTable {
  category_id: number;
  premoderation: 'none' | 'all' | 'first';
  premoderate_first: number;
  open_hours: number | null;
  night_from: number | null;
  night_to: number | null;
}

export interface ArticleReactionTable {
  article_id: number;
  reader_id: number;
  reaction: string;
  created_at: number;
}

export interface CommentNotificationTable {
  id: Generated<number>;
  reader_id: number;
  comment_id: number;
  read_at: number | null;
  created_at: number;
}

export interface CommentReplyMailTable {
  reader_id: number;
  enabled: number;
  /** Notifications up to this id were mailed or passed over. */
  mailed_through: number;
  /** When the waiting batch goes out; null when none waits. */
  due_at: number | null;
}

export interface CommentModerationLogTable {
  id: Generated<number>;
  staff_id: number | null;
  action: string;
  comment_id: number | null;
  reader_id: number | null;
  detail: string;
  created_at: number;
}

export interface CommentTables {
  comments: CommentTable;
  comment_votes: CommentVoteTable;
  comment_decisions: CommentDecisionTable;
  comment_counters: CommentCounterTable;
  comment_reports: CommentReportTable;
  comment_bans: CommentBanTable;
  comment_reader_prefs: CommentReaderPrefTable;
  comment_hidden_authors: CommentHiddenAuthorTable;
  comment_article_settings: CommentArticleSettingTable;
  comment_category_rules: CommentCategoryRuleTable;
  article_reactions: ArticleReactionTable;
  comment_notifications: CommentNotificationTable;
  comment_reply_mail: CommentReplyMailTable;
  comment_moderation_log: CommentModerationLogTable;
}

export type CommentRow = Selectable<CommentTable>;

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends CommentTables {}
}
