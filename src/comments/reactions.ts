// Article reactions: a small set of reasons (useful, interesting, agree, good analysis, want a
// follow-up), one of each per reader per article, toggled; adding one counts against the daily
// limit. The set offered comes from SOSIK_ARTICLE_REACTIONS.
import type { AppDeps } from '../capability.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { Errors } from '../errors.ts';
import type { ReaderAccount } from '../readers/index.ts';
import { reactionCounters, takeCounters } from './counters.ts';
import { participationError } from './post.ts';

export const ALL_REACTIONS = ['useful', 'interesting', 'agree', 'analysis', 'follow-up'] as const;
export type Reaction = (typeof ALL_REACTIONS)[number];

export function enabledReactions(config: Pick<Config, 'articleReactions'>): Reaction[] {
  const wanted = new Set(config.articleReactions.split(',').map((s) => s.trim()));
  return ALL_REACTIONS.filter((r) => wanted.has(r));
}

export async function toggleReaction(
  deps: AppDeps,
  reader: ReaderAccount,
  articleId: number,
  reaction: string,
  now = Date.now(),
): Promise<{ on: boolean }> {
  const refused = participationError(reader, deps.config, now);
  if (refused) throw refused;
  const r = enabledReactions(deps.config).find((x) => x === reaction);
  if (!r) throw Errors.validation([{ path: 'reaction', message: 'not offered' }]);
  return deps.db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirst();
    if (!article || article.status === 'withdrawn') throw Errors.notFound('article');
    const removed = await trx
      .deleteFrom('article_reactions')
      .where('article_id', '=', articleId)
      .where('reader_id', '=', reader.id)
      .where('reaction', '=', r)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return { on: false };
    await takeCounters(trx, reader.id, reactionCounters(deps.config, now), now);
    await trx
      .insertInto('article_reactions')
      .values({ article_id: articleId, reader_id: reader.id, reaction: r, created_at: now })
      .execute();
    return { on: true };
  });
}

export async function reactionCounts(
  db: Db,
  articleId: number,
  readerId?: number,
): Promise<{ counts: Record<string, number>; mine: Set<string> }> {
  const rows = await db
    .selectFrom('article_reactions')
    .select(['reaction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', '=', articleId)
    .groupBy('reaction')
    .execute();
  const mine = readerId
    ? new Set(
        (
          await db
            .selectFrom('article_reactions')
            .select('reaction')
            .where('article_id', '=', articleId)
            .where('reader_id', '=', readerId)
            .execute()
        ).map((x) => x.reaction),
      )
    : new Set<string>();
  return { counts: Object.fromEntries(rows.map((x) => [x.reaction, Number(x.n)])), mine };
}
