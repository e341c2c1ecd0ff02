// The pipeline's phases, in the order they run. /about/moderation lists them from here.
import type { Phase } from './phase.ts';
import { banPhase } from './phases/ban.ts';
import { lengthPhase } from './phases/length.ts';
import { linksPhase } from './phases/links.ts';
import { premoderationPhase } from './phases/premoderation.ts';
import { profanityPhase } from './phases/profanity.ts';
import { repeatPhase } from './phases/repeat.ts';
import { toxicityPhase } from './phases/toxicity.ts';

export const PHASES: readonly Phase[] = [
  lengthPhase,
  banPhase,
  repeatPhase,
  linksPhase,
  premoderationPhase,
  profanityPhase,
  toxicityPhase,
];
