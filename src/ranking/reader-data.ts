// The reader's part of /account/export and /account/delete: the personalisation switch and the
// reading history "for you" learns from. (View counts hold no reader: only a daily-salted hash.)
import type { ReaderDataPart } from '../capability.ts';

export const rankingDataPart: ReaderDataPart = {
  async export(deps, readerId) {
    const [setting, reads] = await Promise.all([
      deps.db
        .selectFrom('ranking_reader_settings')
        .select('personalised')
        .where('reader_id', '=', readerId)
        .executeTakeFirst(),
      deps.db
        .selectFrom('ranking_reads')
        .select(['article_id', 'read_at'])
        .where('reader_id', '=', readerId)
        .orderBy('read_at', 'desc')
        .execute(),
    ]);
    return {
      personalised: setting ? setting.personalised === 1 : true,
      readingHistory: reads.map((r) => ({
        articleId: Number(r.article_id),
        readAt: new Date(Number(r.read_at)).toISOString(),
      })),
    };
  },
  async delete(_deps, readerId, trx) {
    await trx.deleteFrom('ranking_reads').where('reader_id', '=', readerId).execute();
    await trx.deleteFrom('ranking_reader_settings').where('reader_id', '=', readerId).execute();
  },
};
