// The committed model file: gzip of [u32 header length][JSON header][weight arrays]. Weights are
// quantised to int16 per linear member and stored sparsely (delta-coded bucket indices as LEB128
// varints, then the int16 values), so a 2^20-bucket model stays a couple of MB and loads in
// milliseconds. The header is validated with zod: a damaged or foreign file fails loudly.
// Version 2: each head ends in a small logistic combiner over the logits of both heads' members
// and the word list's verdict (stacking), so each head learns from the other data set too.
import zlib from 'node:zlib';
import { z } from 'zod';
import { sameTextFeatures } from './features.ts';

const featureConfigSchema = z.object({
  bits: z.number().int().min(8).max(24),
  charMin: z.number().int().min(1).max(8),
  charMax: z.number().int().min(1).max(8),
  jamoMin: z.number().int().min(0).max(10),
  jamoMax: z.number().int().min(0).max(10),
  words: z.boolean(),
  wordBigrams: z.boolean(),
  stems: z.boolean().optional(),
  compactMax: z.number().int().min(0).max(8).optional(),
  splitBlocks: z.boolean().optional(),
  titleWeight: z.number().min(0).max(10),
  profanityWeight: z.number().min(0).max(10),
});

const memberHeaderSchema = z.object({
  weighting: z.enum(['logtf', 'binary']),
  bias: z.number(),
  /** Weight = int16 value × scale. */
  scale: z.number().positive(),
  /** How many (index, value) pairs follow in the payload. */
  count: z.number().int().min(0),
});

/**
 * The head's score = logistic(bias + weights · inputs), inputs in this order: the logits of this
 * head's members, then of the other head's members, then the word-list flags (WORD_LIST_FLAGS).
 */
const combinerSchema = z.object({
  bias: z.number(),
  weights: z.array(z.number()),
});

const headHeaderSchema = z.object({
  features: featureConfigSchema,
  /** Scores at or above this are flagged (tuned on a part of the training data). */
  threshold: z.number().min(0).max(1),
  members: z.array(memberHeaderSchema).min(1).max(8),
  combiner: combinerSchema,
});

/** The word-list flags a combiner reads after the members' logits: any hit, more than one hit. */
export const WORD_LIST_FLAGS = 2;

/** How many inputs each head's combiner takes. */
export function combinerInputs(own: number, other: number): number {
  return own + other + WORD_LIST_FLAGS;
}

export const modelHeaderSchema = z.object({
  format: z.literal('sosik-toxicity'),
  version: z.literal(2),
  heads: z.object({ toxicity: headHeaderSchema, profanity: headHeaderSchema }),
  /** Free-form provenance: data sets, seed, command. */
  trainedWith: z.record(z.string(), z.string()),
});

export type ModelHeader = z.infer<typeof modelHeaderSchema>;
export type HeadHeader = z.infer<typeof headHeaderSchema>;
export type Combiner = z.infer<typeof combinerSchema>;

export interface LinearMember {
  weighting: 'logtf' | 'binary';
  bias: number;
  scale: number;
  /** This member's column in the model's weight table. */
  column: number;
}

export interface LoadedHead {
  header: HeadHeader;
  members: LinearMember[];
}

export interface LoadedModel {
  header: ModelHeader;
  toxicity: LoadedHead;
  profanity: LoadedHead;
  /**
   * Every member's int16 weights interleaved, bucket-major: the weight of member column c for
   * bucket h is weights[h * stride + c]. A comment's buckets are read by all members at once, so
   * one cache line serves them all (separate 2^20 arrays made scoring memory-bound).
   */
  weights: Int16Array;
  stride: number;
  /** 1 where the column's member reads presence values ('binary'), 0 for log counts. */
  binaryColumns: Uint8Array;
}

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

function writeVarint(out: number[], v: number): void {
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Quantises float weights to int16 and drops the zeros. */
export function quantise(weights: Float64Array): { scale: number; idx: number[]; q: number[] } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const idx: number[] = [];
  const q: number[] = [];
  weights.forEach((w, i) => {
    const v = Math.round(w / scale);
    if (v !== 0) {
      idx.push(i);
      q.push(v);
    }
  });
  return { scale, idx, q };
}

export interface HeadToWrite {
  features: HeadHeader['features'];
  threshold: number;
  members: Array<{ weighting: 'logtf' | 'binary'; bias: number; weights: Float64Array }>;
  combiner: Combiner;
}

export function encodeModel(
  heads: { toxicity: HeadToWrite; profanity: HeadToWrite },
  trainedWith: Record<string, string>,
): Buffer {
  const payload: number[] = [];
  const headHeader = (h: HeadToWrite): HeadHeader => ({
    features: h.features,
    threshold: h.threshold,
    combiner: h.combiner,
    members: h.members.map((m) => {
      const { scale, idx, q } = quantise(m.weights);
      let last = 0;
      for (const i of idx) {
        writeVarint(payload, i - last);
        last = i;
      }
      const values = new Int16Array(q);
      for (const b of new Uint8Array(values.buffer)) payload.push(b);
      return { weighting: m.weighting, bias: m.bias, scale, count: idx.length };
    }),
  });
  const header: ModelHeader = {
    format: 'sosik-toxicity',
    version: 2,
    heads: { toxicity: headHeader(heads.toxicity), profanity: headHeader(heads.profanity) },
    trainedWith,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  return zlib.gzipSync(Buffer.concat([len, json, Buffer.from(payload)]), { level: 9 });
}

export function decodeModel(file: Buffer): LoadedModel {
  let raw: Buffer;
  try {
    raw = zlib.gunzipSync(file);
  } catch (err) {
    throw new ModelFileError(`toxicity model file is not gzip: ${(err as Error).message}`);
  }
  if (raw.length < 4) throw new ModelFileError('toxicity model file is truncated');
  const jsonLength = raw.readUInt32LE(0);
  if (4 + jsonLength > raw.length) throw new ModelFileError('toxicity model header is truncated');
  let json: unknown;
  try {
    json = JSON.parse(raw.subarray(4, 4 + jsonLength).toString('utf8'));
  } catch (err) {
    throw new ModelFileError(`toxicity model header is not JSON: ${(err as Error).message}`);
  }
  const parsed = modelHeaderSchema.safeParse(json);
  if (!parsed.success)
    throw new ModelFileError(
      `toxicity model header is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const header = parsed.data;
  const { toxicity: tox, profanity: prof } = header.heads;
  for (const [name, own, other] of [
    ['toxicity', tox, prof],
    ['profanity', prof, tox],
  ] as const)
    if (own.combiner.weights.length !== combinerInputs(own.members.length, other.members.length))
      throw new ModelFileError(`toxicity model ${name} combiner has the wrong number of weights`);
  // Scoring reads a comment's text features once for both heads (score.ts).
  if (!sameTextFeatures(tox.features, prof.features))
    throw new ModelFileError('toxicity model heads must read the same text features');
  const dim = 1 << tox.features.bits;
  const stride = tox.members.length + prof.members.length;
  const weights = new Int16Array(dim * stride);
  let at = 4 + jsonLength;
  let column = 0;
  const readHead = (h: HeadHeader): LoadedHead => ({
    header: h,
    members: h.members.map((m) => {
      const idx = new Int32Array(m.count);
      let last = 0;
      for (let k = 0; k < m.count; k++) {
        let v = 0;
        let shift = 0;
        let b: number;
        do {
          if (at >= raw.length) throw new ModelFileError('toxicity model weights are truncated');
          b = raw[at++];
          v |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        last += v;
        if (last >= dim) throw new ModelFileError('toxicity model weight index out of range');
        idx[k] = last;
      }
      if (at + m.count * 2 > raw.length) throw new ModelFileError('toxicity model weights are truncated');
      for (let k = 0; k < m.count; k++) weights[idx[k] * stride + column] = raw.readInt16LE(at + k * 2);
      at += m.count * 2;
      return { weighting: m.weighting, bias: m.bias, scale: m.scale, column: column++ };
    }),
  });
  const toxicity = readHead(tox);
  const profanity = readHead(prof);
  if (at !== raw.length) throw new ModelFileError('toxicity model file has trailing bytes');
  const binaryColumns = new Uint8Array(stride);
  for (const m of [...toxicity.members, ...profanity.members])
    binaryColumns[m.column] = m.weighting === 'binary' ? 1 : 0;
  return { header, toxicity, profanity, weights, stride, binaryColumns };
}
