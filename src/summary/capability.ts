// The automatic summary (요약봇): three sentences the press wrote, chosen by `summarize.ts`,
// computed by `summary.compute` after every article change and stored with the revision, shown
// collapsed between the article's header and body (`articleLead` slot); `sosik summarize` runs
// the same choice over any text.
import type { Capability } from '../capability.ts';
import { summaryCommands } from './commands.ts';
import { SUMMARY_JOB, summaryJob } from './compute.ts';
import { summarySlot } from './slot.tsx';

export const summaryCapability: Capability = {
  name: 'summary',
  assets: { dir: new URL('./static/', import.meta.url), stylesheets: ['summary.css'] },
  commands: summaryCommands,
  jobs: [summaryJob],
  onArticleChanged: [SUMMARY_JOB],
  slots: { articleLead: summarySlot },
};
