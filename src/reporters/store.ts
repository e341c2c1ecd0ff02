// Reads and staff edits of reporters. A reporter's page is one index range on
// article_reporters (reporter_id, published_at); withdrawn articles are left out by the join.
import type { Db } from '../db/database.ts';
import { Errors } from '../errors.ts';

export interface Reporter {
  id: number;
  pressId: number;
  /** What readers see: the staff-set display name, else the byline's name. */
  name: string;
  bylineName: string;
  email: string | null;
  mergedInto: number | null;
}

function toReporter(r: {
  id: number;
  press_id: number;
  name: string;
  display_name: string | null;
  email: string | null;
  merged_into: number | null;
}): Reporter {
  return {
    id: r.id,
    pressId: r.press_id,
    name: r.display_name ?? r.name,
    bylineName: r.name,
    email: r.email,
    mergedInto: r.merged_into,
  };
}

const COLUMNS = ['id', 'press_id', 'name', 'display_name', 'email', 'merged_into'] as const;

export async function findReporter(db: Db, id: number): Promise<Reporter | undefined> {
  const row = await db.selectFrom('reporters').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toReporter(row) : undefined;
}

export async function reportersByIds(db: Db, ids: readonly number[]): Promise<Reporter[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('reporters')
    .select(COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toReporter);
}

export async function pressReporters(
  db: Db,
  pressId: number,
  limit = 500,
): Promise<Array<Reporter & { articles: number }>> {
  const rows = await db
    .selectFrom('reporters as r')
    .leftJoin('article_reporters as ar', 'ar.reporter_id', 'r.id')
    .select(['r.id', 'r.press_id', 'r.name', 'r.display_name', 'r.email', 'r.merged_into'])
    .select((eb) => eb.fn.count<number>('ar.article_id').as('articles'))
    .where('r.press_id', '=', pressId)
    .where('r.merged_into', 'is', null)
    .groupBy(['r.id', 'r.press_id', 'r.name', 'r.display_name', 'r.email', 'r.merged_into'])
    .orderBy('r.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toReporter(r), articles: Number(r.articles) }));
}

export interface ReporterCursor {
  ms: number;
  id: number;
}

export function parseReporterCursor(raw: unknown): ReporterCursor | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw);
  return m ? { ms: Number(m[1]), id: Number(m[2]) } : undefined;
}

/** The reporter's usable articles, newest first, one page (ids only; cards come from articles). */
export async function reporterArticleIds(
  db: Db,
  reporterId: number,
  limit: number,
  before?: ReporterCursor,
): Promise<{ ids: number[]; older?: string }> {
  let q = db
    .selectFrom('article_reporters as ar')
    .innerJoin('articles as a', 'a.id', 'ar.article_id')
    .select(['ar.article_id', 'ar.published_at'])
    .where('ar.reporter_id', '=', reporterId)
    .where('a.status', '=', 'usable');
  if (before)
    q = q.where((eb) => eb(eb.refTuple('ar.published_at', 'ar.article_id'), '<', eb.tuple(before.ms, before.id)));
  const rows = await q
    .orderBy('ar.published_at', 'desc')
    .orderBy('ar.article_id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ids: page.map((r) => r.article_id),
    older: rows.length > limit && last ? `${Number(last.published_at)}.${last.article_id}` : undefined,
  };
}

/** The reporter a byline became, filing it on the spot when its job has not run yet. */
export async function reporterOfByline(db: Db, articleId: number, position: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('article_reporters')
    .select('reporter_id')
    .where('article_id', '=', articleId)
    .where('position', '=', position)
    .executeTakeFirst();
  return row?.reporter_id;
}

export async function renameReporter(db: Db, id: number, displayName: string | null): Promise<void> {
  await db.updateTable('reporters').set({ display_name: displayName }).where('id', '=', id).execute();
}

/**
 * Merges `fromId` into `intoId` (same press): its articles move over, and its identity (and any
 * identity merged into it before) resolves to `intoId` from now on, so new bylines land there too.
 * Whoever followed `fromId` follows `intoId`: followers resolve `mergedInto` when they read.
 */
export async function mergeReporters(db: Db, fromId: number, intoId: number): Promise<void> {
  if (fromId === intoId)
    throw Errors.validation([{ path: 'into', message: 'A reporter cannot be merged into itself.' }]);
  await db.transaction().execute(async (trx) => {
    const both = await trx
      .selectFrom('reporters')
      .select(['id', 'press_id', 'merged_into'])
      .where('id', 'in', [fromId, intoId])
      .execute();
    const from = both.find((r) => r.id === fromId);
    const into = both.find((r) => r.id === intoId);
    if (!from || !into || from.merged_into !== null || into.merged_into !== null) throw Errors.notFound('reporter');
    if (from.press_id !== into.press_id)
      throw Errors.validation([{ path: 'into', message: 'Both reporters must belong to one press.' }]);
    await trx.updateTable('article_reporters').set({ reporter_id: intoId }).where('reporter_id', '=', fromId).execute();
    await trx
      .updateTable('reporters')
      .set({ merged_into: intoId })
      .where((eb) => eb.or([eb('id', '=', fromId), eb('merged_into', '=', fromId)]))
      .execute();
  });
}

/** A reporter's newest usable articles with their times (for merging into a follower's news). */
export async function reporterTimeline(
  db: Db,
  reporterId: number,
  limit: number,
  before?: ReporterCursor,
): Promise<Array<{ id: number; publishedAt: number }>> {
  let q = db
    .selectFrom('article_reporters as ar')
    .innerJoin('articles as a', 'a.id', 'ar.article_id')
    .select(['ar.article_id', 'ar.published_at'])
    .where('ar.reporter_id', '=', reporterId)
    .where('a.status', '=', 'usable');
  if (before)
    q = q.where((eb) => eb(eb.refTuple('ar.published_at', 'ar.article_id'), '<', eb.tuple(before.ms, before.id)));
  const rows = await q.orderBy('ar.published_at', 'desc').orderBy('ar.article_id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.article_id, publishedAt: Number(r.published_at) }));
}

/** Reporters of an article, in byline order (for alerts to their followers). */
export async function reportersOfArticle(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_reporters')
    .select('reporter_id')
    .where('article_id', '=', articleId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.reporter_id);
}
