// `sosik import <file|-> --press <slug>`: bulk ingest of NDJSON ninjs (one item per line) or of one
// RSS/Atom/JSON Feed document, through the batch path (ingestArticles), with a progress bar on
// stderr and a summary: accepted (new), updated, unchanged, refused with reasons. The follow-up
// jobs are queued in the same transactions; any running worker (or `sosik jobs run`) runs them.
import fs from 'node:fs';
import { type BatchOutcome, ingestArticles } from '../articles/index.ts';
import type { Command, CommandContext } from '../cli-types.ts';
import { Errors } from '../errors.ts';
import { pressIdBySlug } from '../press/index.ts';
import { progressBar } from '../search/index.ts';
import {
  detectFormat,
  feedItems,
  type ImportFormat,
  type ImportItem,
  type ImportLimits,
  ndjsonBatches,
  peekFile,
} from './import-source.ts';

/** Items handed to ingestArticles at once (it splits them into transactions itself). */
const BATCH = 1000;
/** Refusals printed one by one; the rest are counted by reason. */
const SHOWN_REFUSALS = 20;

export interface ImportSummary {
  accepted: number;
  updated: number;
  unchanged: number;
  refused: Array<{ position: number; code: string; message: string; path?: string }>;
}

export function tally(summary: ImportSummary, items: ImportItem[], outcomes: Map<ImportItem, BatchOutcome>): void {
  for (const item of items) {
    const o: BatchOutcome = 'error' in item ? { ok: false, error: item.error } : outcomes.get(item)!;
    if (!o.ok) {
      const detail = o.error.details?.[0];
      summary.refused.push({
        position: item.position,
        code: o.error.code,
        message: detail?.message ?? o.error.message,
        path: detail?.path,
      });
    } else if (!o.result.changed) summary.unchanged++;
    else if (o.result.created) summary.accepted++;
    else summary.updated++;
  }
}

export function summaryLines(s: ImportSummary, unit: 'line' | 'item'): string[] {
  const out = [
    `accepted ${s.accepted} new, updated ${s.updated}, unchanged ${s.unchanged}, refused ${s.refused.length}`,
  ];
  for (const r of s.refused.slice(0, SHOWN_REFUSALS))
    out.push(`  ${unit} ${r.position}: ${r.code}${r.path ? ` at ${r.path}` : ''}: ${r.message}`);
  if (s.refused.length > SHOWN_REFUSALS) {
    const byCode = new Map<string, number>();
    for (const r of s.refused) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
    out.push(
      `  … ${s.refused.length - SHOWN_REFUSALS} more; by reason: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
  }
  return out;
}

/** Newlines in a file, for the progress bar's total (one fast pass; stdin has no total). */
function countLines(file: string): number {
  let n = 0;
  let last = 0x0a;
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  try {
    for (let r = fs.readSync(fd, buf); r > 0; r = fs.readSync(fd, buf)) {
      for (let i = buf.indexOf(0x0a); i !== -1 && i < r; i = buf.indexOf(0x0a, i + 1)) n++;
      last = buf[r - 1]!;
    }
  } finally {
    fs.closeSync(fd);
  }
  return last === 0x0a ? n : n + 1;
}

async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > max)
      throw Errors.invalidOption(`the feed is over SOSIK_FEEDS_MAX_BYTES (${max}); split it or import NDJSON`);
    parts.push(b);
  }
  return Buffer.concat(parts);
}

async function runImport(ctx: CommandContext): Promise<number> {
  const source = ctx.args[0];
  const slug = ctx.flags.press;
  if (!source || !slug) throw Errors.missingOption('import <file|-> --press <slug> [--format ndjson|feed]');
  const forced = ctx.flags.format;
  if (forced !== undefined && forced !== 'ndjson' && forced !== 'feed')
    throw Errors.invalidOption('--format is ndjson or feed.');
  const fromStdin = source === '-';
  if (!fromStdin && !fs.existsSync(source)) throw Errors.notFound('file', `No file ${source}.`);
  const limits: ImportLimits = { maxLineBytes: ctx.config.bodyLimitBytes, maxFeedBytes: ctx.config.feedsMaxBytes };

  return ctx.withRuntime(async (rt) => {
    const pressId = await pressIdBySlug(rt.deps.db, slug);
    if (pressId === undefined)
      throw Errors.notFound('press', `No press "${slug}" (create it with: sosik press add --slug ${slug} --name …).`);
    const stream: NodeJS.ReadableStream = fromStdin ? process.stdin : fs.createReadStream(source);
    let format: ImportFormat | undefined = forced as ImportFormat | undefined;
    let batches: AsyncIterable<ImportItem[]>;
    let total = 0;
    if (!format && !fromStdin) format = detectFormat(peekFile(source));
    if (!format) {
      // stdin cannot be peeked and rewound: a feed is read whole anyway, so read it and decide.
      const bytes = await readAll(stream, Math.max(limits.maxFeedBytes, 256 * 1024 * 1024));
      format = detectFormat(bytes.subarray(0, 64 * 1024).toString('utf8'));
      batches = format === 'feed' ? inBatches(feedItems(bytes, limits)) : ndjsonBatches([bytes], limits, BATCH);
    } else if (format === 'feed') {
      const items = feedItems(await readAll(stream, limits.maxFeedBytes), limits);
      total = items.length;
      batches = inBatches(items);
    } else {
      if (!fromStdin) total = countLines(source);
      batches = ndjsonBatches(stream as AsyncIterable<Buffer>, limits, BATCH);
    }

    const summary: ImportSummary = { accepted: 0, updated: 0, unchanged: 0, refused: [] };
    const progress = progressBar(`import ${format}`);
    let done = 0;
    for await (const items of batches) {
      const good = items.filter((i): i is Extract<ImportItem, { input: unknown }> => 'input' in i);
      const outcomes = await ingestArticles(
        rt.deps,
        good.map((i) => ({
          pressId,
          source: format === 'feed' ? 'feed' : 'api',
          input: i.input,
          original: i.original,
        })),
      );
      tally(summary, items, new Map(good.map((g, k) => [g, outcomes[k]!])));
      done = Math.max(done, items[items.length - 1]!.position);
      progress(done, Math.max(total, done));
    }
    if (done === 0) progress(0, 0);
    for (const line of summaryLines(summary, format === 'feed' ? 'item' : 'line')) ctx.print(line);
    const queued = summary.accepted + summary.updated;
    if (queued)
      ctx.print(
        `follow-up jobs (search index, issues…) queued for ${queued} articles: a running sosik serve or sosik worker runs them, or sosik jobs run`,
      );
    return summary.refused.length ? 1 : 0;
  });
}

async function* inBatches(items: ImportItem[]): AsyncGenerator<ImportItem[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

export const importCommands: Record<string, Command> = {
  import: {
    usage: 'import <file|-> --press <slug> [--format ndjson|feed]',
    summary:
      "Bulk-import articles into a press: NDJSON of ninjs items (one per line) or an RSS/Atom/JSON Feed file; '-' reads stdin. Exits 1 if any item was refused.",
    options: { press: 'string', format: 'string' },
    run: runImport,
  },
};
