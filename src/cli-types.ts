// The shape of a CLI command, so each capability can contribute its own (src/capability.ts
// `commands`), and the context every command runs in.
import type { CommandContext } from './capability.ts';

export type { Command, CommandContext, Runtime } from './capability.ts';

/** A command context around an `open` function; `withRuntime` always closes what it opened. */
export function commandContext(parts: Omit<CommandContext, 'withRuntime'>): CommandContext {
  return {
    ...parts,
    withRuntime: async (fn) => {
      const rt = await parts.open();
      try {
        return await fn(rt);
      } finally {
        await rt.close();
      }
    },
  };
}
