// The shape of a CLI command, so each capability can contribute its own (see src/cli.ts).
import type { Config } from './config.ts';
import type { Runtime } from './runtime.ts';

export interface CommandContext {
  config: Config;
  /** Positional arguments after the command words. */
  args: string[];
  /** --flag value pairs (boolean flags are "true"). */
  flags: Record<string, string>;
  /** Opens the database (migrated), logger and job worker; the caller closes it. */
  open(): Promise<Runtime>;
  /** Opens the runtime, runs `fn`, and closes the runtime whatever happens (one-shot commands). */
  withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T>;
  print(line: string): void;
}

export interface Command {
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<number | void>;
}

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
