// Where summaries live: one row per (article, revision), written by the `summary.compute` job,
// read by the article page for the article's current revision only (a summary of an older
// revision may quote a sentence the correction removed), and the press's on/off switch.
import type { Db } from '../db/database.ts';
import type { SummaryVerdict } from './summarizable.ts';
import './tables.ts';

export type NoSummaryReason = Extract<SummaryVerdict, { summarizable: false }>['reason'];

export type StoredSummary = { sentences: string[] } | { sentences: null; reason: NoSummaryReason };

export interface SummaryRow {
  articleId: number;
  revision: number;
  version: string;
  summary: StoredSummary;
}

/** saveSummary for many (article, revision) pairs in one statement per few hundred. */
export async function saveSummaries(db: Db, rows: readonly SummaryRow[], now = Date.now()): Promise<void> {
  const values = rows.map((r) => ({
    article_id: r.articleId,
    revision: r.revision,
    version: r.version,
    sentences: r.summary.sentences ? JSON.stringify(r.summary.sentences) : null,
    reason: r.summary.sentences ? null : r.summary.reason,
    computed_at: now,
  }));
  // 6 parameters a row.
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('article_summaries')
      .values(values.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['article_id', 'revision']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          sentences: eb.ref('excluded.sentences'),
          reason: eb.ref('excluded.reason'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

/** The sentences to show on the article page, or undefined (none computed yet, none fits, or the press said no). */
export async function summaryForPage(db: Db, articleId: number): Promise<string[] | undefined> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('article_summaries', (j) =>
      j
        .onRef('article_summaries.article_id', '=', 'articles.id')
        .onRef('article_summaries.revision', '=', 'articles.revision'),
    )
    .leftJoin('summary_press_settings', 'summary_press_settings.press_id', 'articles.press_id')
    .select(['article_summaries.sentences', 'summary_press_settings.disabled'])
    .where('articles.id', '=', articleId)
    .where('articles.status', '=', 'usable')
    .executeTakeFirst();
  if (!row?.sentences || Number(row.disabled ?? 0) === 1) return undefined;
  // Written by saveSummary from a string[]; nothing else writes this column.
  const sentences = JSON.parse(row.sentences) as string[];
  return sentences.length ? sentences : undefined;
}

export async function pressSummariesEnabled(db: Db, pressId: number): Promise<boolean> {
  const row = await db
    .selectFrom('summary_press_settings')
    .select('disabled')
    .where('press_id', '=', pressId)
    .executeTakeFirst();
  return Number(row?.disabled ?? 0) !== 1;
}

export async function setPressSummaries(db: Db, pressId: number, enabled: boolean, now = Date.now()): Promise<void> {
  const values = { disabled: enabled ? 0 : 1, updated_at: now };
  await db
    .insertInto('summary_press_settings')
    .values({ press_id: pressId, ...values })
    .onConflict((oc) => oc.column('press_id').doUpdateSet(values))
    .execute();
}
