// `sosik demo`: add the bundled fictional demo content.
import type { Command } from '../cli-types.ts';
import { seedDemo } from './seed.ts';

export const demoCommands: Record<string, Command> = {
  demo: {
    usage: 'demo',
    summary: 'Add the bundled demo content (fictional presses and articles) to the database.',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        const counts = await seedDemo(rt.deps);
        await rt.worker.drain();
        ctx.print(`added ${counts.presses} presses and ${counts.articles} articles`);
      });
    },
  },
};
