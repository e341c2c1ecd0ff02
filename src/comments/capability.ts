// Comments (댓글). So far: the toxicity model and profanity masker the moderation pipeline will
// use, and `sosik toxicity score` to evaluate the model on anyone's data.
import type { Capability } from '../capability.ts';
import { commentsCommands } from './commands.ts';

export const commentsCapability: Capability = {
  name: 'comments',
  commands: commentsCommands,
};
