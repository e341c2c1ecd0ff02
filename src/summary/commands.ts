// CLI commands of the summary capability (merged into `sosik` by src/cli.ts). `summarize` reads
// JSON lines from stdin and answers each with the indices of its chosen sentences, so the
// algorithm can be tried on any corpus without a database.
import readline from 'node:readline';
import { z } from 'zod';
import type { Command } from '../cli-types.ts';
import { type AppError, Errors } from '../errors.ts';
import { SUMMARY_SENTENCES } from './model.ts';
import { splitSentences } from './sentences.ts';
import { MAX_BODY_CHARS, summarizeText } from './summarize.ts';

/** One input line: longer lines are refused rather than buffered without bound. */
export const MAX_LINE_CHARS = 1_000_000;

const ArticleLine = z.object({
  title: z.string().max(1000),
  body: z.string().max(MAX_BODY_CHARS),
});

export type LineAnswer = { ok: true; output: string } | { ok: false; error: AppError };

/** The answer to one input line: `[i, j, k]` (or with --sentences `{"indices","sentences"}`). */
export function answerLine(line: string, opts: { sentences?: boolean; k?: number } = {}): LineAnswer {
  if (line.length > MAX_LINE_CHARS) {
    return { ok: false, error: Errors.lineTooLong(MAX_LINE_CHARS) };
  }
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: Errors.badJson((err as Error).message) };
  }
  const parsed = ArticleLine.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, error: Errors.validation(details, 'Each line is {"title": string, "body": string}.') };
  }
  const result = summarizeText(parsed.data.title, parsed.data.body, opts.k);
  if (!opts.sentences) return { ok: true, output: JSON.stringify(result.indices) };
  return { ok: true, output: JSON.stringify({ indices: result.indices, sentences: result.sentences }) };
}

export const summaryCommands: Record<string, Command> = {
  summarize: {
    usage: 'summarize [--sentences] [--count <n>] < articles.jsonl',
    options: { sentences: 'boolean', count: 'string' },
    summary:
      'Read one {"title","body"} JSON object per line from stdin; write the indices of the chosen sentences (one JSON array per line; --sentences adds their text).',
    run: async (ctx) => {
      const k = ctx.flags.count ? Number(ctx.flags.count) : SUMMARY_SENTENCES;
      if (!Number.isInteger(k) || k < 1 || k > 20)
        throw Errors.invalidOption('--count is a whole number from 1 to 20.');
      const opts = { sentences: ctx.flags.sentences === 'true', k };
      let failed = 0;
      let n = 0;
      const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        n++;
        if (!line.trim()) continue;
        const answer = answerLine(line, opts);
        if (answer.ok) {
          ctx.print(answer.output);
        } else {
          // The output keeps one line per input line, so a bad line answers null and says why on stderr.
          failed++;
          ctx.print('null');
          const where = answer.error.details?.map((d) => ` ${d.path || '(root)'}: ${d.message}`).join(';') ?? '';
          console.error(`line ${n}: ${answer.error.code} ${answer.error.message}${where}`);
        }
      }
      return failed ? 1 : 0;
    },
  },
  'summarize split': {
    usage: 'summarize split < body.txt',
    summary: 'Print the sentences the summary chooses from (one per line, numbered): the splitter on its own.',
    run: async (ctx) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_CHARS * 4) throw Errors.tooLarge(MAX_BODY_CHARS * 4);
        chunks.push(chunk as Buffer);
      }
      for (const [i, s] of splitSentences(Buffer.concat(chunks).toString('utf8')).entries()) ctx.print(`${i}\t${s}`);
    },
  },
};
