// Hashed sparse features of a comment: character n-grams of the normal form, jamo n-grams of the
// profanity skeleton (so obfuscated spellings share features with plain ones), word uni- and
// bigrams, the news headline's words as context, and the profanity detector's verdict.
// Hashing keeps the model a fixed size whatever the vocabulary; the same code runs in training
// and inference, so the two cannot drift apart.
import { normalizeComment } from './normalize.ts';
import { findProfanity } from './profanity.ts';
import { buildSkeleton } from './skeleton.ts';

export interface FeatureConfig {
  /** Hash space is 2^bits buckets. */
  bits: number;
  /** Character n-gram lengths over the normal form, inclusive. */
  charMin: number;
  charMax: number;
  /** Jamo n-gram lengths over the profanity skeleton (0 = off). */
  jamoMin: number;
  jamoMax: number;
  words: boolean;
  wordBigrams: boolean;
  /** Weight of the headline block (0 = headline ignored). */
  titleWeight: number;
  /** Weight of the profanity-detector block (0 = off). */
  profanityWeight: number;
}

/** A sparse vector: sorted unique bucket indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** How counts become values: log-scaled counts, or presence only (for log-count-ratio models). */
export type Weighting = 'logtf' | 'binary';

const SEED_CHAR = 0x9e3779b1;
const SEED_JAMO = 0x85ebca6b;
const SEED_WORD = 0xc2b2ae35;
const SEED_BIGRAM = 0x27d4eb2f;
const SEED_TITLE = 0x165667b1;
const SEED_FLAG = 0xd3a2646c;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix(h);
}

/** Every n-gram (min ≤ n ≤ max code units) of `s`, hashed without building substrings. */
function pushNgrams(out: number[], seed: number, s: string, min: number, max: number, mask: number): void {
  for (let i = 0; i < s.length; i++) {
    let h = seed;
    for (let n = 1; n <= max && i + n <= s.length; n++) {
      h = fnvStep(h, s.charCodeAt(i + n - 1));
      if (n >= min) out.push(fmix(h ^ n) & mask);
    }
  }
}

function tokens(normal: string): string[] {
  const out: string[] = [];
  for (const t of normal.split(' ')) {
    const w = t.replace(/[^\p{L}\p{N}]/gu, '');
    if (w) out.push(w);
  }
  return out;
}

/** Sorts bucket hits and turns them into a sparse block with unit L2 norm times `scale`. */
function block(hits: number[], weighting: Weighting, scale: number): SparseVector {
  const sorted = Int32Array.from(hits).sort();
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    idx.push(sorted[i]);
    val.push(weighting === 'binary' ? 1 : 1 + Math.log(j - i));
    i = j;
  }
  let norm = 0;
  for (const v of val) norm += v * v;
  const k = norm > 0 ? scale / Math.sqrt(norm) : 0;
  return { idx: Int32Array.from(idx), val: Float32Array.from(val, (v) => v * k) };
}

/** Adds sparse blocks (their indices may overlap) into one sorted sparse vector. */
function concat(blocks: SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const b of blocks) for (let i = 0; i < b.idx.length; i++) acc.set(b.idx[i], (acc.get(b.idx[i]) ?? 0) + b.val[i]);
  const idx = Int32Array.from(acc.keys()).sort();
  return { idx, val: Float32Array.from(idx, (i) => acc.get(i)!) };
}

export function extractFeatures(cfg: FeatureConfig, weighting: Weighting, text: string, title?: string): SparseVector {
  const mask = (1 << cfg.bits) - 1;
  const normal = normalizeComment(text);
  const hits: number[] = [];
  pushNgrams(hits, SEED_CHAR, ` ${normal} `, cfg.charMin, cfg.charMax, mask);
  if (cfg.jamoMax > 0) pushNgrams(hits, SEED_JAMO, buildSkeleton(normal, 'lookalike').text, cfg.jamoMin, cfg.jamoMax, mask);
  if (cfg.words) {
    const ws = tokens(normal);
    for (let i = 0; i < ws.length; i++) {
      const h = hashString(SEED_WORD, ws[i]);
      hits.push(h & mask);
      if (cfg.wordBigrams && i + 1 < ws.length) hits.push(fmix(h ^ hashString(SEED_BIGRAM, ws[i + 1])) & mask);
    }
  }
  const blocks = [block(hits, weighting, 1)];
  if (cfg.titleWeight > 0 && title) {
    blocks.push(block(tokens(normalizeComment(title)).map((w) => hashString(SEED_TITLE, w) & mask), weighting, cfg.titleWeight));
  }
  if (cfg.profanityWeight > 0) {
    const found = findProfanity(text).length;
    const flags = [hashString(SEED_FLAG, found === 0 ? 'clean' : 'profane') & mask];
    if (found > 1) flags.push(hashString(SEED_FLAG, 'profane2') & mask);
    blocks.push({ idx: Int32Array.from(flags).sort(), val: Float32Array.from(flags, () => cfg.profanityWeight) });
  }
  return blocks.length === 1 ? blocks[0] : concat(blocks);
}
