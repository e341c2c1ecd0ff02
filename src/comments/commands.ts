// CLI commands of the comments capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import type { Command } from '../cli-types.ts';
import { scoreLines } from './score-lines.ts';
import { defaultToxicityModel, scoreProfanity, scoreToxicity } from './toxicity/score.ts';

export const commentsCommands: Record<string, Command> = {
  'toxicity score': {
    usage: 'toxicity score [--title <headline>] [--profanity]',
    summary:
      'Read comments one per line on stdin; print one toxicity score in [0,1] per line, same order (--profanity: profanity score).',
    options: { title: 'string', profanity: 'boolean' },
    run: async (ctx) => {
      const title = ctx.flags.title;
      const model = defaultToxicityModel();
      const score = ctx.flags.profanity
        ? (line: string) => scoreProfanity(model, line)
        : (line: string) => scoreToxicity(model, line, title);
      await scoreLines(process.stdin, score, ctx.print);
    },
  },
};
