// Word-level differences between two versions of an article's text, for the public revisions
// page, Korean split into words (어절), not syllables. Each diff is bounded (edits and a 50 ms
// budget), so a rewritten 200,000-character body cannot hold the event loop: past the bound the
// page shows the new text whole. Results are cached: a revision never changes once stored.
import { diffArrays, diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many edits (or this long) the page shows the new text whole instead of a diff. */
const MAX_EDITS = 4_000;
const TIMEOUT_MS = 50;
const CACHE_ENTRIES = 500;

// A word is a run of letters, digits and marks (Hangul included: a 어절 like "전력을" or "31만t을"
// is one word), any other character is its own token, whitespace runs are kept. diffWords's own
// tokeniser knows Latin letters only (Korean would diff per syllable) and ICU's Intl.Segmenter
// took 5.7 s to split 36,000 characters here, so diffWords gets this regex in a segmenter's shape.
const TOKEN = /\s+|[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu;
const WORDS = {
  resolvedOptions: () => ({ granularity: 'word' }),
  segment: (text: string) => Array.from(text.matchAll(TOKEN), (m) => ({ segment: m[0] })),
};

const cache = new Map<string, DiffPart[] | null>();

/** The changes from `before` to `after`, or null when they differ too much to show as a diff. */
export async function wordDiff(before: string, after: string, cacheKey?: string): Promise<DiffPart[] | null> {
  if (cacheKey && cache.has(cacheKey)) return cache.get(cacheKey)!;
  const parts = before === after ? (after ? [{ kind: 'same' as const, text: after }] : []) : boundedDiff(before, after);
  if (cacheKey) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, parts);
  }
  return parts;
}

/**
 * Paragraphs first (few, compared whole), then words only inside the paragraphs that changed: a
 * correction of one figure in a long article diffs one paragraph, not the article. One time budget
 * covers the whole diff.
 */
function boundedDiff(before: string, after: string): DiffPart[] | null {
  const deadline = performance.now() + TIMEOUT_MS;
  const blocks = diffArrays(before.split('\n'), after.split('\n'), { maxEditLength: MAX_EDITS, timeout: TIMEOUT_MS });
  if (!blocks) return null;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (i > 0) push('same', '\n');
    const text = block.value.join('\n');
    const next = blocks[i + 1];
    if (block.removed && next?.added) {
      const left = deadline - performance.now();
      const words =
        left > 0
          ? diffWords(text, next.value.join('\n'), { intlSegmenter: WORDS, maxEditLength: MAX_EDITS, timeout: left })
          : undefined;
      if (!words) return null;
      for (const w of words) push(w.added ? 'added' : w.removed ? 'removed' : 'same', w.value);
      i++;
    } else {
      push(block.added ? 'added' : block.removed ? 'removed' : 'same', text);
    }
  }
  return parts;
}
