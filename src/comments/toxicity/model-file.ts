// The committed model file: gzip of [u32 header length][JSON header][weight arrays]. Weights are
// quantised to int16 per linear member and stored sparsely (delta-coded bucket indices as LEB128
// varints, then the int16 values), so a 2^20-bucket model stays a couple of MB and loads in
// milliseconds. The header is validated with zod: a damaged or foreign file fails loudly.
import zlib from 'node:zlib';
import { z } from 'zod';

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

const headHeaderSchema = z.object({
  features: featureConfigSchema,
  /** Scores at or above this are flagged (tuned on a part of the training data). */
  threshold: z.number().min(0).max(1),
  members: z.array(memberHeaderSchema).min(1).max(8),
});

export const modelHeaderSchema = z.object({
  format: z.literal('sosik-toxicity'),
  version: z.literal(1),
  heads: z.object({ toxicity: headHeaderSchema, profanity: headHeaderSchema }),
  /** Free-form provenance: data sets, seed, command. */
  trainedWith: z.record(z.string(), z.string()),
});

export type ModelHeader = z.infer<typeof modelHeaderSchema>;
export type HeadHeader = z.infer<typeof headHeaderSchema>;

export interface LinearMember {
  weighting: 'logtf' | 'binary';
  bias: number;
  scale: number;
  /** Dense int16 weights, 2^bits of them. */
  weights: Int16Array;
}

export interface LoadedHead {
  header: HeadHeader;
  members: LinearMember[];
}

export interface LoadedModel {
  header: ModelHeader;
  toxicity: LoadedHead;
  profanity: LoadedHead;
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
}

export function encodeModel(
  heads: { toxicity: HeadToWrite; profanity: HeadToWrite },
  trainedWith: Record<string, string>,
): Buffer {
  const payload: number[] = [];
  const headHeader = (h: HeadToWrite): HeadHeader => ({
    features: h.features,
    threshold: h.threshold,
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
    version: 1,
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
  let at = 4 + jsonLength;
  const readHead = (h: HeadHeader): LoadedHead => ({
    header: h,
    members: h.members.map((m) => {
      const dim = 1 << h.features.bits;
      const weights = new Int16Array(dim);
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
      for (let k = 0; k < m.count; k++) weights[idx[k]] = raw.readInt16LE(at + k * 2);
      at += m.count * 2;
      return { weighting: m.weighting, bias: m.bias, scale: m.scale, weights };
    }),
  });
  const toxicity = readHead(header.heads.toxicity);
  const profanity = readHead(header.heads.profanity);
  if (at !== raw.length) throw new ModelFileError('toxicity model file has trailing bytes');
  return { header, toxicity, profanity };
}
