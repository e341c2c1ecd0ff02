// Bylines become reporters: after every article change, each byline is resolved (or added) to a
// reporter of the article's press and the article is filed under them. Idempotent: it rewrites
// the article's rows from its current bylines, so a revision that drops a name drops the link.
// Many jobs at once (runBatch) add the missing reporters and file the articles in a few statements.
import { defineJob } from '../capability.ts';
import type { Db } from '../db/database.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { readBylines } from '../articles/index.ts';
import { reporterIdentity } from './identity.ts';

export const LINK_JOB = 'reporters.link';

/** Rows per statement (7 parameters a reporter row): far below both databases' parameter limits. */
const CHUNK = 500;

interface Byline {
  pressId: number;
  identity: string;
  name: string;
  email: string | null;
}

const keyOf = (pressId: number, identity: string) => `${pressId}\u0000${identity}`;

/** What an article's bylines say, as reporter identities of its press (the first 50 names). */
export interface ArticleBylines {
  id: number;
  press_id: number;
  bylines: string;
}

function bylinesOf(article: ArticleBylines): Byline[] {
  return readBylines(article.bylines)
    .slice(0, 50)
    .map((b) => ({ pressId: article.press_id, identity: reporterIdentity(b), name: b.name, email: b.email ?? null }));
}

/**
 * Each byline's reporter id, following a merge to the reporter that now stands for the identity
 * (merges re-point chains, so one hop). Missing reporters are added first; most bylines name a
 * reporter filed before, so they are looked up first and only the others are inserted.
 */
async function resolveReporters(db: Db, bylines: readonly Byline[], now: number): Promise<Map<string, number>> {
  // The first byline of an identity names a new reporter, as when the articles are filed one by one.
  const unique = new Map<string, Byline>();
  for (const b of bylines) if (!unique.has(keyOf(b.pressId, b.identity))) unique.set(keyOf(b.pressId, b.identity), b);
  const rows = [...unique.values()];
  const ids = await findReporters(db, rows);
  const missing = rows.filter((b) => !ids.has(keyOf(b.pressId, b.identity)));
  if (!missing.length) return ids;
  for (let i = 0; i < missing.length; i += CHUNK) {
    await db
      .insertInto('reporters')
      .values(
        missing.slice(i, i + CHUNK).map((b) => ({
          press_id: b.pressId,
          identity: b.identity,
          name: b.name.slice(0, 200),
          email: b.email,
          display_name: null,
          merged_into: null,
          created_at: now,
        })) as never,
      )
      .onConflict((oc) => oc.columns(['press_id', 'identity']).doNothing())
      .execute();
  }
  for (const [key, id] of await findReporters(db, missing)) ids.set(key, id);
  return ids;
}

/** The reporter ids the bylines already have (following a merge); a byline without one is absent. */
async function findReporters(db: Db, bylines: readonly Byline[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const identitiesByPress = new Map<number, Set<string>>();
  for (const b of bylines) {
    const set = identitiesByPress.get(b.pressId) ?? new Set<string>();
    set.add(b.identity);
    identitiesByPress.set(b.pressId, set);
  }
  for (const [pressId, set] of identitiesByPress) {
    const identities = [...set];
    for (let i = 0; i < identities.length; i += CHUNK) {
      const found = await db
        .selectFrom('reporters')
        .select(['id', 'identity', 'merged_into'])
        .where('press_id', '=', pressId)
        .where('identity', 'in', identities.slice(i, i + CHUNK))
        .execute();
      for (const r of found) ids.set(keyOf(pressId, r.identity), r.merged_into ?? r.id);
    }
  }
  return ids;
}

/**
 * The reporters the articles' bylines stand for, in byline order, without adding any or filing
 * the articles (a read: alerts ask this of every new article). A byline no reporter has yet is left
 * out: nobody can follow a reporter that does not exist.
 */
export async function existingReportersOf(db: Db, articles: readonly ArticleBylines[]): Promise<Map<number, number[]>> {
  const bylines = new Map(articles.map((a) => [a.id, bylinesOf(a)]));
  const found = await findReporters(db, [...bylines.values()].flat());
  const out = new Map<number, number[]>();
  for (const [id, list] of bylines)
    out.set(
      id,
      list.flatMap((b) => {
        const reporterId = found.get(keyOf(b.pressId, b.identity));
        return reporterId === undefined ? [] : [reporterId];
      }),
    );
  return out;
}

/** Files the article under its reporters; returns their ids in byline order. */
export async function linkArticleReporters(db: Db, articleId: number, now = Date.now()): Promise<number[]> {
  return (await linkManyArticleReporters(db, [articleId], now)).get(articleId) ?? [];
}

/** linkArticleReporters for many articles: each article's reporter ids in byline order (absent when gone). */
export async function linkManyArticleReporters(
  db: Db,
  articleIds: readonly number[],
  now = Date.now(),
): Promise<Map<number, number[]>> {
  const ids = [...new Set(articleIds)];
  const articles: Array<{ id: number; press_id: number; bylines: string; first_created_at: number }> = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    articles.push(
      ...(await db
        .selectFrom('articles')
        .select(['id', 'press_id', 'bylines', 'first_created_at'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  const out = new Map<number, number[]>();
  if (!articles.length) return out;
  // In the order asked (the order the jobs fell due): the first byline of a new reporter names them.
  const order = new Map(ids.map((id, i) => [id, i]));
  articles.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const bylines = new Map(articles.map((a) => [a.id, bylinesOf(a)]));
  const filed = articles.map((a) => a.id);
  // One transaction (one commit) for the new reporters and the articles' rows.
  await db.transaction().execute(async (trx) => {
    const reporterIds = await resolveReporters(trx, [...bylines.values()].flat(), now);
    const links: Array<{ article_id: number; position: number; reporter_id: number; published_at: number }> = [];
    for (const a of articles) {
      const list = (bylines.get(a.id) ?? []).map((b) => reporterIds.get(keyOf(b.pressId, b.identity))!);
      out.set(a.id, list);
      for (const [position, reporter_id] of list.entries())
        links.push({ article_id: a.id, position, reporter_id, published_at: Number(a.first_created_at) });
    }
    for (let i = 0; i < filed.length; i += CHUNK)
      await trx
        .deleteFrom('article_reporters')
        .where('article_id', 'in', filed.slice(i, i + CHUNK))
        .execute();
    // 4 parameters a row.
    for (let i = 0; i < links.length; i += CHUNK)
      await trx
        .insertInto('article_reporters')
        .values(links.slice(i, i + CHUNK))
        .execute();
  });
  return out;
}

export const linkReportersJob = defineJob({
  kind: LINK_JOB,
  payload: articleChangedPayload,
  run: async ({ articleId }, deps) => linkArticleReporters(deps.db, articleId),
  runBatch: async (payloads, deps) =>
    linkManyArticleReporters(
      deps.db,
      payloads.map((p) => p.articleId),
    ),
});
