// Scoring comments with the committed model: pure functions over a loaded model, no I/O after load.
// A head's score is the mean of its linear members' logistic outputs, in [0, 1].
import fs from 'node:fs';
import path from 'node:path';
import { sameTextFeatures, textFeatures, withContext, type TextFeatures } from './features.ts';
import { decodeModel, type LoadedHead, type LoadedModel } from './model-file.ts';
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

function scoreHead(
  head: LoadedHead,
  body: string,
  title?: string,
  profanityCount?: number,
  shared?: TextFeatures,
): number {
  const heading = title && title.length > 300 ? title.slice(0, 300) : title;
  let sum = 0;
  const cfg = head.header.features;
  const x = withContext(cfg, shared ?? textFeatures(cfg, body), heading, profanityCount);
  for (const m of head.members) {
    const val = m.weighting === 'logtf' ? x.logtf : x.binary;
    let z = 0;
    for (let i = 0; i < x.idx.length; i++) z += m.weights[x.idx[i]] * val[i];
    sum += 1 / (1 + Math.exp(-(z * m.scale + m.bias)));
  }
  return sum / head.members.length;
}

/** How toxic (hateful or offensive) a comment is, in [0, 1]; `title` is the article's headline. */
export function scoreToxicity(model: ToxicityModel, text: string, title?: string): number {
  return scoreHead(model.toxicity, bounded(text), title);
}

/** How likely the comment contains profanity, in [0, 1]. */
export function scoreProfanity(model: ToxicityModel, text: string): number {
  const body = bounded(text);
  return profanityWithSpans(model, body, findProfanity(body).length);
}

function profanityWithSpans(model: ToxicityModel, body: string, found: number, shared?: TextFeatures): number {
  return withWordList(scoreHead(model.profanity, body, undefined, found, shared), found);
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
  // Spans of the scored prefix only, so the profanity score sees what its features see.
  const foundInBody = body === text ? spans.length : spans.filter((s) => s.end <= body.length).length;
  // The two heads read the same text features unless trained differently: compute them once.
  const cfg = model.toxicity.header.features;
  const shared = sameTextFeatures(cfg, model.profanity.header.features) ? textFeatures(cfg, body) : undefined;
  const toxicity = scoreHead(model.toxicity, body, title, undefined, shared);
  const profanity = profanityWithSpans(model, body, foundInBody, shared);
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
