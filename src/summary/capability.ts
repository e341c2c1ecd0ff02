// The automatic summary (요약봇): three sentences the press wrote, chosen by `summarize.ts`;
// `sosik summarize` runs the same choice over any text.
import type { Capability } from '../capability.ts';
import { summaryCommands } from './commands.ts';

export const summaryCapability: Capability = {
  name: 'summary',
  commands: summaryCommands,
};
