// Profanity is masked, not refused: the comment is published with the words starred, and the
// author is told which phase changed it.
import { t } from '../../../web/i18n/index.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

export const profanityPhase: Phase = {
  name: 'profanity',
  run({ draft, assessment }): PhaseOutcome {
    const { masked, profanity } = assessment();
    if (masked === draft.text) return { action: 'pass' };
    let hidden = 0;
    for (let i = 0; i < masked.length; i++) if (masked[i] !== draft.text[i]) hidden++;
    return {
      action: 'mask',
      text: masked,
      reason: 'profanity',
      evidence: { maskedChars: hidden, profanity: round(profanity) },
    };
  },
  describe: (_config, locale) => t(locale, 'comments.phase.profanity'),
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
