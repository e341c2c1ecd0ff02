// CLI commands of the search capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import type { Command } from '../cli-types.ts';
import { reindexAll } from './indexing.ts';
import { progressBar } from './progress-bar.ts';

export const searchCommands: Record<string, Command> = {
  'search reindex': {
    usage: 'search reindex',
    summary: 'Rebuild the search index from all published articles (with a progress bar).',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        const bar = progressBar('indexing');
        const started = Date.now();
        const { done } = await reindexAll(rt.deps, ({ done, total }) => bar(done, total));
        ctx.print(
          `search index rebuilt: ${done} articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${rt.deps.dialect})`,
        );
      });
    },
  },
};
