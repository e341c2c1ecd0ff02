// Bans and suspensions from commenting (a moderator's, with or without an end): refused up front.
// The readers capability's own account suspension is checked before the pipeline runs.
import { Errors } from '../../../errors.ts';
import { t } from '../../../web/i18n/index.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

export const banPhase: Phase = {
  name: 'ban',
  async run({ trx, draft }): Promise<PhaseOutcome> {
    const ban = await trx
      .selectFrom('comment_bans')
      .select(['until', 'reason'])
      .where('reader_id', '=', draft.reader.id)
      .executeTakeFirst();
    if (!ban) return { action: 'pass' };
    const until = ban.until === null ? null : Number(ban.until);
    if (until !== null && until <= draft.now) return { action: 'pass' };
    return {
      action: 'refuse',
      error: Errors.commentNotAllowed(until === null ? 'banned' : `banned until ${new Date(until).toISOString()}`),
    };
  },
  describe: (_config, locale) => t(locale, 'comments.phase.ban'),
};
