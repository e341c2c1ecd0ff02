// Word-level differences between two versions of an article's text, for the public revisions
// page. Korean is split into words (어절) by Intl.Segmenter, not per syllable; the diff runs in
// diff's asynchronous mode with a time and edit bound, so a rewritten 200,000-character body never
// holds the event loop. Results are cached: a revision never changes once stored.
import { diffWords, type ChangeObject } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many edits (or this long) the page shows the new text whole instead of a diff. */
const MAX_EDITS = 4_000;
const TIMEOUT_MS = 500;
const CACHE_ENTRIES = 500;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  const key = lang.split('-')[0]?.toLowerCase() || 'ko';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(key, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('ko', { granularity: 'word' });
    }
    segmenters.set(key, s);
  }
  return s;
}

const cache = new Map<string, DiffPart[] | null>();

/** The changes from `before` to `after`, or null when they differ too much to show as a diff. */
export async function wordDiff(before: string, after: string, lang: string, cacheKey?: string): Promise<DiffPart[] | null> {
  if (cacheKey && cache.has(cacheKey)) return cache.get(cacheKey)!;
  if (before === after) return after ? [{ kind: 'same', text: after }] : [];
  const changes = await new Promise<ChangeObject<string>[] | undefined>((resolve) => {
    diffWords(before, after, { intlSegmenter: segmenterFor(lang), maxEditLength: MAX_EDITS, timeout: TIMEOUT_MS, callback: resolve });
  });
  const parts = changes
    ? changes.map((c): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))
    : null;
  if (cacheKey) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, parts);
  }
  return parts;
}
