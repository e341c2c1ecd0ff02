// CLI commands of the issues capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import type { Command } from '../cli-types.ts';

export const issuesCommands: Record<string, Command> = {};
