// The reader's part of /account/export and /account/delete: their subscriptions, hidden presses,
// My news state and feed tokens (digests only; a token itself is never stored).
import type { ReaderDataPart } from '../capability.ts';

export const subscriptionsDataPart: ReaderDataPart = {
  async export(deps, readerId) {
    const [subscriptions, hiddenPresses, news, feedTokens] = await Promise.all([
      deps.db
        .selectFrom('subscriptions')
        .select(['kind', 'target_id', 'query', 'delivery', 'created_at'])
        .where('reader_id', '=', readerId)
        .execute(),
      deps.db
        .selectFrom('reader_hidden_presses')
        .select(['press_id', 'created_at'])
        .where('reader_id', '=', readerId)
        .execute(),
      deps.db.selectFrom('reader_news').selectAll().where('reader_id', '=', readerId).executeTakeFirst(),
      deps.db
        .selectFrom('reader_feed_tokens')
        .select(['created_at', 'revoked_at'])
        .where('reader_id', '=', readerId)
        .execute(),
    ]);
    return {
      subscriptions: subscriptions.map((s) => ({
        kind: s.kind,
        targetId: s.target_id,
        query: s.query,
        delivery: s.delivery,
        createdAt: new Date(Number(s.created_at)).toISOString(),
      })),
      hiddenPresses: hiddenPresses.map((p) => p.press_id),
      digest: news ? { frequency: news.digest, hour: news.digest_hour, weekday: news.digest_weekday } : null,
      feedTokens: feedTokens.map((f) => ({
        createdAt: new Date(Number(f.created_at)).toISOString(),
        revoked: f.revoked_at !== null,
      })),
    };
  },
  async delete(_deps, readerId, trx) {
    await trx.deleteFrom('reader_feed_tokens').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('reader_news').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('reader_hidden_presses').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('subscriptions').where('reader_id', '=', readerId).execute();
  },
};
