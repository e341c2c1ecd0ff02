// Streams comments one per line and yields one score per line, in the same order, without holding
// the whole input: what `sosik toxicity score` runs on stdin.
import { StringDecoder } from 'node:string_decoder';
import { Errors } from '../errors.ts';

/** A line longer than this (in UTF-16 units) is refused rather than buffered without bound. */
export const MAX_LINE_CHARS = 1_000_000;

/** Calls `score` on each line of `input` (LF or CRLF), writing results in batches to `write`. */
export async function scoreLines(
  input: AsyncIterable<Buffer | string>,
  score: (line: string) => number,
  write: (text: string) => void,
): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let count = 0;
  const emit = (lines: string[]) => {
    if (!lines.length) return;
    write(lines.map((l) => score(l.endsWith('\r') ? l.slice(0, -1) : l).toFixed(4)).join('\n'));
    count += lines.length;
  };
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (pending.length > MAX_LINE_CHARS) throw Errors.lineTooLong(MAX_LINE_CHARS);
    emit(lines);
  }
  pending += decoder.end();
  // A last line without a newline is still a comment; an input ending in "\n" has no extra line.
  if (pending) emit([pending]);
  return count;
}
