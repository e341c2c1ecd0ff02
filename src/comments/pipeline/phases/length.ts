// Empty or too long: refused before anything is written (the form says which, and keeps the text).
import { Errors } from '../../../errors.ts';
import { t } from '../../../web/i18n/index.ts';
import { charCount, COMMENT_MAX_CHARS } from '../../text-key.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

export const lengthPhase: Phase = {
  name: 'length',
  run({ draft }): PhaseOutcome {
    // A reader's characters (graphemes) never outnumber UTF-16 units, so only a text longer in
    // units than the limit needs segmenting; an empty one has neither.
    const n = draft.text.length > COMMENT_MAX_CHARS ? charCount(draft.text) : draft.text.length;
    if (n === 0)
      return {
        action: 'refuse',
        error: Errors.validation([{ path: 'body', message: 'empty' }], 'A comment needs some text.'),
      };
    if (n > COMMENT_MAX_CHARS) {
      return {
        action: 'refuse',
        error: Errors.validation(
          [{ path: 'body', message: `too long: ${n} > ${COMMENT_MAX_CHARS}` }],
          `A comment has at most ${COMMENT_MAX_CHARS} characters.`,
        ),
      };
    }
    return { action: 'pass' };
  },
  describe: (_config, locale) => t(locale, 'comments.phase.length', { max: COMMENT_MAX_CHARS }),
};
