// One moderation phase (Coral Talk's model): it looks at a comment about to be written and says
// pass, mask (publish a changed text), hold (a moderator decides), reject (not published; the
// author may appeal) or refuse (not written at all: the author is answered 4xx at once). Every
// outcome but pass is stored with its phase name and evidence, and the author is told in words.
import type { AppDeps, Trx } from '../../capability.ts';
import type { AppError } from '../../errors.ts';
import type { Locale } from '../../web/i18n/index.ts';
import type { CommentArticle } from '../article-ref.ts';
import type { CommentAssessment } from '../toxicity/index.ts';

export interface CommentDraft {
  reader: { id: number; createdAt: number };
  article: Pick<CommentArticle, 'id' | 'headline' | 'categoryIds' | 'categoryRules'>;
  parentId: number | null;
  /** The text as written (trimmed, line breaks normalised). */
  text: string;
  /** The comparison key of the text (see text-key.ts). */
  key: string;
  now: number;
}

export interface PhaseContext {
  deps: AppDeps;
  trx: Trx;
  draft: CommentDraft;
  /** The toxicity model's reading of the text, computed once for the phases that use it. */
  assessment(): CommentAssessment;
}

export type Evidence = Record<string, string | number | boolean | null>;

export type PhaseOutcome =
  | { action: 'pass'; evidence?: Evidence }
  | { action: 'mask'; text: string; reason: string; evidence: Evidence }
  | { action: 'hold' | 'reject'; reason: string; evidence: Evidence }
  | { action: 'refuse'; error: AppError };

export interface Phase {
  /** Stable name stored with each decision (e.g. "toxicity"). */
  name: string;
  run(ctx: PhaseContext): Promise<PhaseOutcome> | PhaseOutcome;
  /** What this phase does with the values in force, for /about/moderation. */
  describe(config: AppDeps['config'], locale: Locale): string;
}
