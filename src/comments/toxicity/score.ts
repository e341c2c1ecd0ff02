// Scoring comments with the committed model: pure functions over a loaded model, no I/O after load.
// A head's score is its combiner (a logistic regression) over the logits of both heads' linear
// members and the word list's verdict, in [0, 1].
import fs from 'node:fs';
import path from 'node:path';
import { contextVector, type FeatureVectors, textFeatures, textVector } from './features.ts';
import { type Combiner, decodeModel, type LoadedHead, type LoadedModel } from './model-file.ts';
import { findProfanity, maskSpans } from './profanity.ts';

export const DEFAULT_MODEL_PATH = path.join(import.meta.dirname, 'model', 'toxicity.bin');

/** Longer comments are scored on their first this many characters, so scoring time stays bounded. */
export const MAX_SCORED_CHARS = 2000;

export type ToxicityModel = LoadedModel;

export function loadToxicityModel(file: string = DEFAULT_MODEL_PATH): ToxicityModel {
  return decodeModel(fs.readFileSync(file));
}

let defaultModel: ToxicityModel | undefined;

/** The committed model, read once per process. */
export function defaultToxicityModel(): ToxicityModel {
  defaultModel ??= loadToxicityModel();
  return defaultModel;
}

/**
 * How sure a word-list hit makes the profanity score: it is combined with the model as a noisy OR,
 * so a detected obfuscation the training data never showed (tlqkf, ㅅ1발) still scores at least
 * this. The training threshold is tuned on the combined score.
 */
export const WORD_LIST_CONFIDENCE = 0.8;

/** The profanity head's learned score combined with the word list's verdict (noisy OR). */
export function withWordList(learned: number, found: number): number {
  return found ? 1 - (1 - learned) * (1 - WORD_LIST_CONFIDENCE) : learned;
}

const bounded = (text: string) => (text.length > MAX_SCORED_CHARS ? text.slice(0, MAX_SCORED_CHARS) : text);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Every member's dot product with a vector, all columns of the weight table in one pass. */
function dots(model: ToxicityModel, x: FeatureVectors): Float64Array {
  const { weights, stride, binaryColumns } = model;
  const out = new Float64Array(stride);
  for (let i = 0; i < x.idx.length; i++) {
    const row = x.idx[i] * stride;
    const logtf = x.logtf[i];
    const binary = x.binary[i];
    for (let c = 0; c < stride; c++) out[c] += weights[row + c] * (binaryColumns[c] ? binary : logtf);
  }
  return out;
}

/** A head's member logits: the shared text part plus the head's own context (headline, flags). */
function memberLogits(model: ToxicityModel, head: LoadedHead, text: Float64Array, context: FeatureVectors): number[] {
  const ctx = context.idx.length ? dots(model, context) : undefined;
  return head.members.map((m) => (text[m.column] + (ctx ? ctx[m.column] : 0)) * m.scale + m.bias);
}

/** A head's combiner over its own members' logits, the other head's, and the word-list flags. */
function combine(c: Combiner, own: number[], other: number[], found: number): number {
  let z = c.bias;
  let k = 0;
  for (const v of own) z += c.weights[k++] * v;
  for (const v of other) z += c.weights[k++] * v;
  z += c.weights[k++] * (found > 0 ? 1 : 0);
  z += c.weights[k] * (found > 1 ? 1 : 0);
  return sigmoid(z);
}

/** What both heads read of one comment: the members' logits and the word-list hits. */
interface Reading {
  toxicity: number[];
  /** The toxicity members without the headline (what the profanity head combines). */
  toxicityUntitled: number[];
  profanity: number[];
  found: number;
}

function read(model: ToxicityModel, body: string, found: number, title?: string): Reading {
  const heading = title && title.length > 300 ? title.slice(0, 300) : title;
  const tc = model.toxicity.header.features;
  const pc = model.profanity.header.features;
  // Both heads read the same text features (the model file guarantees it): score them once.
  const text = dots(model, textVector(textFeatures(tc, body)));
  const toxicity = memberLogits(model, model.toxicity, text, contextVector(tc, body, heading, found));
  const toxicityUntitled = heading
    ? memberLogits(model, model.toxicity, text, contextVector(tc, body, undefined, found))
    : toxicity;
  const profanity = memberLogits(model, model.profanity, text, contextVector(pc, body, undefined, found));
  return { toxicity, toxicityUntitled, profanity, found };
}

const toxicityOf = (model: ToxicityModel, r: Reading) =>
  combine(model.toxicity.header.combiner, r.toxicity, r.profanity, r.found);

const profanityOf = (model: ToxicityModel, r: Reading) =>
  withWordList(combine(model.profanity.header.combiner, r.profanity, r.toxicityUntitled, r.found), r.found);

/** How toxic (hateful or offensive) a comment is, in [0, 1]; `title` is the article's headline. */
export function scoreToxicity(model: ToxicityModel, text: string, title?: string): number {
  const body = bounded(text);
  return toxicityOf(model, read(model, body, findProfanity(body).length, title));
}

/** How likely the comment contains profanity, in [0, 1]. */
export function scoreProfanity(model: ToxicityModel, text: string): number {
  const body = bounded(text);
  return profanityOf(model, read(model, body, findProfanity(body).length));
}

export interface CommentAssessment {
  toxicity: number;
  toxic: boolean;
  profanity: number;
  profane: boolean;
  /** The comment with profanity masked ("*" per character). */
  masked: string;
}

/** Everything moderation needs about one comment, running the profanity matcher once. */
export function assessComment(model: ToxicityModel, text: string, title?: string): CommentAssessment {
  const body = bounded(text);
  const spans = findProfanity(text);
  // The scores see the scored prefix only (a long comment's prefix is matched on its own).
  const r = read(model, body, body === text ? spans.length : findProfanity(body).length, title);
  const toxicity = toxicityOf(model, r);
  const profanity = profanityOf(model, r);
  return {
    toxicity,
    toxic: toxicity >= model.toxicity.header.threshold,
    profanity,
    profane: profanity >= model.profanity.header.threshold,
    masked: maskSpans(text, spans),
  };
}

/** Whether the toxicity score reaches the threshold tuned in training. */
export function isToxic(model: ToxicityModel, text: string, title?: string): boolean {
  return scoreToxicity(model, text, title) >= model.toxicity.header.threshold;
}

export function isProfane(model: ToxicityModel, text: string): boolean {
  return scoreProfanity(model, text) >= model.profanity.header.threshold;
}
