// The public history of an article: each revision the press delivered, oldest to newest, with the
// headline and body text it carried (from the revision's normalised input; bodies are sanitised
// HTML, read here as text). Bounded: the newest MAX_REVISIONS are read.
import type { Db } from '../db/database.ts';
import { htmlToText } from '../html/sanitize.ts';
import type { ArticleInput } from './model.ts';

export const MAX_REVISIONS = 20;

export interface PublicRevision {
  revision: number;
  /** When the press says it made this version, else when it arrived. */
  at: number;
  withdrawn: boolean;
  headline: string;
  bodyText: string;
}

export async function articleRevisions(
  db: Db,
  articleId: number,
): Promise<{ revisions: PublicRevision[]; total: number }> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(['revision', 'received_at', 'pubstatus', 'normalized'])
    .where('article_id', '=', articleId)
    .orderBy('revision', 'desc')
    .limit(MAX_REVISIONS)
    .execute();
  const revisions = rows.reverse().map((r): PublicRevision => {
    // Written by ingest from a validated ArticleInput; nothing else writes this column.
    const input = JSON.parse(r.normalized) as ArticleInput;
    const at =
      input.versionCreated !== undefined
        ? Math.min(input.versionCreated, Number(r.received_at))
        : Number(r.received_at);
    return {
      revision: r.revision,
      at,
      withdrawn: r.pubstatus !== 'usable',
      headline: input.headline.trim(),
      bodyText: htmlToText(input.bodyHtml),
    };
  });
  return { revisions, total: rows[0] ? Math.max(...rows.map((r) => r.revision)) : 0 };
}
