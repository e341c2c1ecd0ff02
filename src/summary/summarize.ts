// The entry point a job calls: an article's headline and body in, the chosen sentences out
// (or why there is no summary). Pure and synchronous; MAX_BODY_CHARS bounds the work.
import { SUMMARY_SENTENCES, type SummaryResult } from './model.ts';
import { summarizeSentences } from './scorer.ts';
import { splitSentences } from './sentences.ts';
import { summaryVerdict, type SummaryCandidate, type SummaryVerdict } from './summarizable.ts';

/** Body characters read; the summary of a longer text comes from its first 200,000 characters. */
export const MAX_BODY_CHARS = 200_000;

/** The summary of any text, summarizable or not (the CLI and tests use this). */
export function summarizeText(title: string, body: string, k = SUMMARY_SENTENCES): SummaryResult {
  return summarizeSentences(title, splitSentences(body.slice(0, MAX_BODY_CHARS)), undefined, k);
}

/** The summary an article page shows, or the reason it gets none. */
export function summarizeArticle(
  a: SummaryCandidate,
): { summary: SummaryResult } | { summary: null; reason: Extract<SummaryVerdict, { summarizable: false }>['reason'] } {
  const verdict = summaryVerdict({ ...a, bodyText: a.bodyText.slice(0, MAX_BODY_CHARS) });
  if (!verdict.summarizable) return { summary: null, reason: verdict.reason };
  return { summary: summarizeSentences(a.headline, verdict.sentences) };
}
