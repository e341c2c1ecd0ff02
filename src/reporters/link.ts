// Bylines become reporters: after every article change, each byline is resolved (or added) to a
// reporter of the article's press and the article is filed under them. Idempotent: it rewrites
// the article's rows from its current bylines, so a revision that drops a name drops the link.
import { defineJob } from '../capability.ts';
import type { Db } from '../db/database.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { readBylines } from '../articles/index.ts';
import { reporterIdentity } from './identity.ts';

export const LINK_JOB = 'reporters.link';

/** Follows a merge to the reporter that now stands for the identity (merges re-point chains, so one hop). */
async function resolveReporter(
  db: Db,
  pressId: number,
  byline: { name: string; ref?: string; email?: string },
  now: number,
): Promise<number> {
  const identity = reporterIdentity(byline);
  await db
    .insertInto('reporters')
    .values({
      press_id: pressId,
      identity,
      name: byline.name.slice(0, 200),
      email: byline.email ?? null,
      display_name: null,
      merged_into: null,
      created_at: now,
    } as never)
    .onConflict((oc) => oc.columns(['press_id', 'identity']).doNothing())
    .execute();
  const row = await db
    .selectFrom('reporters')
    .select(['id', 'merged_into'])
    .where('press_id', '=', pressId)
    .where('identity', '=', identity)
    .executeTakeFirstOrThrow();
  return row.merged_into ?? row.id;
}

/** Files the article under its reporters; returns their ids in byline order. */
export async function linkArticleReporters(db: Db, articleId: number, now = Date.now()): Promise<number[]> {
  const article = await db
    .selectFrom('articles')
    .select(['press_id', 'bylines', 'first_created_at'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return [];
  const bylines = readBylines(article.bylines).slice(0, 50);
  const ids: number[] = [];
  for (const b of bylines) ids.push(await resolveReporter(db, article.press_id, b, now));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('article_reporters').where('article_id', '=', articleId).execute();
    if (ids.length) {
      await trx
        .insertInto('article_reporters')
        .values(
          ids.map((reporter_id, position) => ({
            article_id: articleId,
            position,
            reporter_id,
            published_at: Number(article.first_created_at),
          })),
        )
        .execute();
    }
  });
  return ids;
}

export const linkReportersJob = defineJob({
  kind: LINK_JOB,
  payload: articleChangedPayload,
  run: async ({ articleId }, deps) => linkArticleReporters(deps.db, articleId),
});
