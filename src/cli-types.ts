// The shape of a CLI command, so each capability can contribute its own (see src/cli.ts).
import type { Config } from './config.ts';
import type { Runtime } from './runtime.ts';

export interface CommandContext {
  config: Config;
  /** Positional arguments after the command words. */
  args: string[];
  /** --flag value pairs (boolean flags are "true"). */
  flags: Record<string, string>;
  /** Opens the database (migrated), logger and job worker. */
  open(): Promise<Runtime>;
  print(line: string): void;
}

export interface Command {
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<number | void>;
}
