// What an article is before it is stored: the one shape both the ninjs API and feed pulling
// produce, so sanitising, categorising and revisioning happen in one place (ingest.ts).

export interface Byline {
  name: string;
  /** The press's own identifier for this person, when it gives one (what makes them one reporter). */
  ref?: string;
  email?: string;
  role?: string;
}

export interface SubjectRef {
  code?: string;
  name?: string;
  uri?: string;
}

export interface PhotoInput {
  url: string;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
  alt?: string;
}

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface ArticleInput {
  /** The press's identifier for the story (ninjs uri, feed guid or link). */
  uri: string;
  headline: string;
  subheadline?: string;
  /** Series or column label shown after the headline (e.g. "팩트체크"). */
  series?: string;
  /** Untrusted HTML; sanitised by ingest. */
  bodyHtml: string;
  lang: string;
  bylines: Byline[];
  subjects: SubjectRef[];
  keywords: string[];
  photos: PhotoInput[];
  copyright?: string;
  /** The story's address on the press's own site. */
  link?: string;
  firstCreated?: number;
  versionCreated?: number;
  pubstatus: PubStatus;
  /** ninjs urgency, 1 (most urgent) … 9; 1–2 make the article 속보 (articles/breaking.ts). */
  urgency?: number;
  /** ninjs genres by name or code (e.g. Opinion, Interview), as the press sent them. */
  genres?: string[];
}
