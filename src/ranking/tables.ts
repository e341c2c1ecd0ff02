// Tables of the ranking capability (created by src/db/migrations/0016-ranking.ts).

export interface RankingSaltTable {
  /** Seoul day number (days since the epoch, in UTC+9). */
  day: number;
  salt: string;
}

export interface RankingViewSeenTable {
  day: number;
  /** Salted hash of the visitor (reader id or IP + user agent) under that day's salt. */
  visitor: string;
  article_id: number;
}

export interface RankingViewHourTable {
  /** Epoch hour number (ms / 3 600 000). */
  hour: number;
  article_id: number;
  press_id: number;
  views: number;
}

export interface RankingReadTable {
  reader_id: number;
  article_id: number;
  read_at: number;
}

export interface RankingReaderSettingTable {
  reader_id: number;
  /** 1: "for you" may use the reader's history and subscriptions; 0: switched off. */
  personalised: number;
  updated_at: number;
}

export interface RankingTables {
  ranking_salts: RankingSaltTable;
  ranking_view_seen: RankingViewSeenTable;
  ranking_view_hours: RankingViewHourTable;
  ranking_reads: RankingReadTable;
  ranking_reader_settings: RankingReaderSettingTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends RankingTables {}
}
