// The toxicity model (src/comments/toxicity): held for a moderator from one score, not published
// from a higher one. The score is kept as evidence either way.
import { t } from '../../../web/i18n/index.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

export const toxicityPhase: Phase = {
  name: 'toxicity',
  run({ assessment, deps }): PhaseOutcome {
    const score = Math.round(assessment().toxicity * 1000);
    const { commentHoldToxicity: hold, commentRejectToxicity: reject } = deps.config;
    const evidence = { score, hold, reject };
    if (score >= reject) return { action: 'reject', reason: 'toxicity-reject', evidence };
    if (score >= hold) return { action: 'hold', reason: 'toxicity-hold', evidence };
    return { action: 'pass', evidence };
  },
  describe: (config, locale) =>
    t(locale, 'comments.phase.toxicity', { hold: config.commentHoldToxicity, reject: config.commentRejectToxicity }),
};
