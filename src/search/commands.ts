// CLI commands of the search capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import type { Command } from '../cli-types.ts';

export const searchCommands: Record<string, Command> = {};
