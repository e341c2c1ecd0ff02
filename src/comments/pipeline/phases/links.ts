// Links from young accounts are where spam lives: held for a moderator until the account is
// SOSIK_COMMENT_LINK_MIN_AGE_DAYS old.
import { t } from '../../../web/i18n/index.ts';
import { containsLink } from '../../text-key.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

export const linksPhase: Phase = {
  name: 'links',
  run({ draft, deps }): PhaseOutcome {
    const minAgeMs = deps.config.commentLinkMinAgeDays * 86_400_000;
    if (!minAgeMs || !containsLink(draft.text)) return { action: 'pass' };
    const ageDays = Math.floor((draft.now - draft.reader.createdAt) / 86_400_000);
    if (draft.now - draft.reader.createdAt >= minAgeMs) return { action: 'pass' };
    return {
      action: 'hold',
      reason: 'links-young-account',
      evidence: { accountAgeDays: ageDays, minDays: deps.config.commentLinkMinAgeDays },
    };
  },
  describe: (config, locale) => t(locale, 'comments.phase.links', { days: config.commentLinkMinAgeDays }),
};
