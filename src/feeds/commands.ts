// CLI commands of the feeds capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import type { Command } from '../cli-types.ts';

export const feedsCommands: Record<string, Command> = {};
