// Hashed sparse features of a comment: character n-grams of the normal form, jamo n-grams of the
// profanity skeleton (so obfuscated spellings share features with plain ones), word uni- and
// bigrams, the news headline's words as context, and the profanity detector's verdict.
// Hashing keeps the model a fixed size whatever the vocabulary; the same code runs in training
// and inference, so the two cannot drift apart.
import { stripParticle } from '../../text/particles.ts';
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
  /** Particle-stripped word stems as extra word features (송중기가 → 송중기). */
  stems?: boolean;
  /** Character n-grams over the text with spaces removed (Korean spacing in comments is loose); 0 = off. */
  compactMax?: number;
  /** Char, jamo and word features each normalised as their own block instead of one. */
  splitBlocks?: boolean;
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
const SEED_STEM = 0x7feb352d;
const SEED_COMPACT = 0x846ca68b;

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

/** Both weightings of one comment over the same buckets (a bucket may repeat across blocks; dot products add). */
export interface FeatureVectors {
  idx: Int32Array;
  logtf: Float32Array;
  binary: Float32Array;
}

export function view(v: FeatureVectors, weighting: Weighting): SparseVector {
  return { idx: v.idx, val: weighting === 'logtf' ? v.logtf : v.binary };
}

class Builder {
  idx: number[] = [];
  logtf: number[] = [];
  binary: number[] = [];

  /** Adds one block: bucket hits counted, each weighting scaled to L2 norm `scale`. */
  block(hits: number[], scale: number): void {
    if (!hits.length) return;
    const sorted = Int32Array.from(hits).sort();
    const from = this.idx.length;
    let tfNorm = 0;
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      const tf = 1 + Math.log(j - i);
      this.idx.push(sorted[i]);
      this.logtf.push(tf);
      tfNorm += tf * tf;
      i = j;
    }
    const kt = scale / Math.sqrt(tfNorm);
    const kb = scale / Math.sqrt(this.idx.length - from);
    for (let k = from; k < this.idx.length; k++) {
      this.logtf[k] *= kt;
      this.binary.push(kb);
    }
  }

  /** Adds fixed-value flags (not normalised). */
  flags(hits: number[], value: number): void {
    for (const h of hits) {
      this.idx.push(h);
      this.logtf.push(value);
      this.binary.push(value);
    }
  }

  copy(): Builder {
    const b = new Builder();
    b.idx = this.idx.slice();
    b.logtf = this.logtf.slice();
    b.binary = this.binary.slice();
    return b;
  }

  done(): FeatureVectors {
    return {
      idx: Int32Array.from(this.idx),
      logtf: Float32Array.from(this.logtf),
      binary: Float32Array.from(this.binary),
    };
  }
}

/** `profanityCount` may be passed when the caller already ran findProfanity on `text`. */
export function extractFeatures(
  cfg: FeatureConfig,
  text: string,
  title?: string,
  profanityCount?: number,
): FeatureVectors {
  return withContext(cfg, textFeatures(cfg, text), title, profanityCount);
}

/** The comment-text part of the features, which heads with the same text settings can share. */
export interface TextFeatures {
  text: string;
  builder: Builder;
}

const TEXT_SETTINGS = [
  'bits',
  'charMin',
  'charMax',
  'jamoMin',
  'jamoMax',
  'words',
  'wordBigrams',
  'stems',
  'compactMax',
  'splitBlocks',
] as const;

/** Whether two configurations compute the same text features (they may differ in context). */
export function sameTextFeatures(a: FeatureConfig, b: FeatureConfig): boolean {
  return TEXT_SETTINGS.every((k) => a[k] === b[k]);
}

export function textFeatures(cfg: FeatureConfig, text: string): TextFeatures {
  const mask = (1 << cfg.bits) - 1;
  const normal = normalizeComment(text);
  const out = new Builder();
  let hits: number[] = [];
  const split = cfg.splitBlocks ? Math.SQRT1_2 : 1;
  const flush = () => {
    if (!cfg.splitBlocks) return;
    out.block(hits, split);
    hits = [];
  };
  pushNgrams(hits, SEED_CHAR, ` ${normal} `, cfg.charMin, cfg.charMax, mask);
  if (cfg.compactMax) pushNgrams(hits, SEED_COMPACT, normal.replace(/ /g, ''), 2, cfg.compactMax, mask);
  flush();
  if (cfg.jamoMax > 0)
    pushNgrams(hits, SEED_JAMO, buildSkeleton(normal, 'lookalike').text, cfg.jamoMin, cfg.jamoMax, mask);
  flush();
  if (cfg.words) {
    const ws = tokens(normal);
    for (let i = 0; i < ws.length; i++) {
      const h = hashString(SEED_WORD, ws[i]);
      hits.push(h & mask);
      if (cfg.wordBigrams && i + 1 < ws.length) hits.push(fmix(h ^ hashString(SEED_BIGRAM, ws[i + 1])) & mask);
      if (cfg.stems && /^[가-힣]+$/.test(ws[i])) {
        const stem = stripParticle(ws[i]);
        if (stem !== ws[i]) hits.push(hashString(SEED_STEM, stem) & mask);
      }
    }
  }
  if (cfg.splitBlocks) flush();
  else out.block(hits, 1);
  return { text, builder: out };
}

/** The text features alone, as one vector. */
export function textVector(t: TextFeatures): FeatureVectors {
  return t.builder.done();
}

/** Adds the headline block and the word-list flags of `cfg` to `out`; false when there are none. */
function addContext(out: Builder, cfg: FeatureConfig, text: string, title?: string, profanityCount?: number): boolean {
  const hasTitle = cfg.titleWeight > 0 && !!title;
  if (!hasTitle && !(cfg.profanityWeight > 0)) return false;
  const mask = (1 << cfg.bits) - 1;
  if (hasTitle && title) {
    out.block(
      tokens(normalizeComment(title)).map((w) => hashString(SEED_TITLE, w) & mask),
      cfg.titleWeight,
    );
  }
  if (cfg.profanityWeight > 0) {
    const found = profanityCount ?? findProfanity(text).length;
    const flags = [hashString(SEED_FLAG, found === 0 ? 'clean' : 'profane') & mask];
    if (found > 1) flags.push(hashString(SEED_FLAG, 'profane2') & mask);
    out.flags(flags, cfg.profanityWeight);
  }
  return true;
}

/** Text features plus the headline block and the word-list flags of `cfg`. */
export function withContext(
  cfg: FeatureConfig,
  t: TextFeatures,
  title?: string,
  profanityCount?: number,
): FeatureVectors {
  const out = t.builder.copy();
  return addContext(out, cfg, t.text, title, profanityCount) ? out.done() : t.builder.done();
}

/**
 * The headline block and word-list flags alone. Blocks are normalised on their own, so
 * textVector · w + contextVector · w = withContext · w: heads sharing the text features score
 * them once and add their own context.
 */
export function contextVector(
  cfg: FeatureConfig,
  text: string,
  title?: string,
  profanityCount?: number,
): FeatureVectors {
  const out = new Builder();
  addContext(out, cfg, text, title, profanityCount);
  return out.done();
}
